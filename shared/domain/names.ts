/**
 * Names pasted as a column from a spreadsheet or a document (村（社区）, 网格): one per line, or separated
 * by 、，, ; ； or tabs; spaces around each are dropped, empty entries and repeats left out, the order
 * kept. Spaces inside a name are kept (they are part of it).
 */
export function splitNames(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of text.split(/[\r\n\t、，,；;]+/)) {
    const name = raw.trim();
    if (name && !seen.has(name)) {
      seen.add(name);
      out.push(name);
    }
  }
  return out;
}

/**
 * Whether a party's name is an organisation's (单位) as old registers write them: a company, a factory, a
 * cooperative, a committee, a school, a hospital, a shop… (the name ends with what it is). Such a party is
 * registered as 单位, not as a natural person.
 */
export function looksLikeOrganisation(name: string): boolean {
  return (
    name.length >= 4 &&
    /(公司|厂|合作社|委员会|村委会|居委会|学校|小学|中学|幼儿园|医院|卫生院|诊所|银行|信用社|商店|超市|门市部|经营部|酒店|饭店|宾馆|中心|协会|事务所|工作室|农场|养殖场|集团|工程队|物业)$/.test(
      name,
    )
  );
}
