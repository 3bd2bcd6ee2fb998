import { Alert, Anchor, Grid, SegmentedControl, Select, Textarea, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { Link } from 'react-router';
import { ETHNICITIES, SEX_LABELS } from '../../../shared/dictionaries';
import { checkIdNumber, idNumberMismatches } from '../../../shared/domain/id-number';
import { PERSON_KIND_LABELS, PERSON_KINDS, type PersonKind } from '../../../shared/schemas/persons';
import { DateField } from '../../components/DateField';
import { useVillages } from '../reference/queries';
import { todayLocal } from '../../components/today';

export interface PersonValues {
  name: string;
  sex: '' | 'M' | 'F';
  idNumber: string;
  birthDate: string;
  ethnicity: string;
  phone: string;
  householdAddress: string;
  residenceAddress: string;
  villageId: string;
  gridId: string;
  notes: string;
  kind: PersonKind;
  occupation: string;
  workUnit: string;
  creditCode: string;
  legalRep: string;
}

export const emptyPerson: PersonValues = {
  name: '',
  sex: '',
  idNumber: '',
  birthDate: '',
  ethnicity: '汉族',
  phone: '',
  householdAddress: '',
  residenceAddress: '',
  villageId: '',
  gridId: '',
  notes: '',
  kind: 'person',
  occupation: '',
  workUnit: '',
  creditCode: '',
  legalRep: '',
};

/** The person's fields, shared by the person page and the inline "新建人员" in the party picker. */
export function PersonFields({ form, takenBy }: { form: UseFormReturnType<PersonValues>; takenBy?: { id: string; name: string } | null }) {
  const villages = useVillages();
  const v = form.getValues();
  const grids = villages.data?.find((x) => x.id === v.villageId)?.grids ?? [];
  const mismatches = idNumberMismatches(
    { idNumber: v.idNumber || null, sex: v.sex || null, birthDate: v.birthDate || null },
    todayLocal(),
  ).filter((m) => m.includes('不符'));

  const onIdChange = (value: string) => {
    form.setFieldValue('idNumber', value);
    const check = checkIdNumber(value, todayLocal());
    if (check.ok) {
      form.setFieldValue('sex', check.sex);
      form.setFieldValue('birthDate', check.birthDate);
    }
  };

  const organisation = v.kind === 'organisation';
  return (
    <Grid gap="sm">
      <Grid.Col span={12}>
        <SegmentedControl
          aria-label="人员或单位"
          data={PERSON_KINDS.map((k) => ({ value: k, label: PERSON_KIND_LABELS[k] }))}
          value={v.kind}
          onChange={(k) => {
            form.setFieldValue('kind', k as PersonKind);
            // A unit has no ID number, sex, birth date or ethnicity; a person no credit code.
            if (k === 'organisation') for (const f of ['idNumber', 'sex', 'birthDate', 'ethnicity'] as const) form.setFieldValue(f, '');
            else form.setFieldValue('creditCode', '');
          }}
        />
      </Grid.Col>
      {organisation && (
        <>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="单位名称" withAsterisk data-autofocus maxLength={50} {...form.getInputProps('name')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="统一社会信用代码" description="18位，自动核对校验位" maxLength={20} {...form.getInputProps('creditCode')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="法定代表人（负责人）" maxLength={50} {...form.getInputProps('legalRep')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput label="联系电话" placeholder="手机或固定电话" maxLength={30} {...form.getInputProps('phone')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <TextInput label="住所" maxLength={200} {...form.getInputProps('residenceAddress')} />
          </Grid.Col>
          <Grid.Col span={12}>
            <Textarea label="备注" autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
          </Grid.Col>
        </>
      )}
      {!organisation && (
        <PersonOnly
          form={form}
          takenBy={takenBy}
          mismatches={mismatches}
          onIdChange={onIdChange}
          grids={grids}
          villages={villages.data ?? []}
        />
      )}
    </Grid>
  );
}

function PersonOnly({
  form,
  takenBy,
  mismatches,
  onIdChange,
  grids,
  villages,
}: {
  form: UseFormReturnType<PersonValues>;
  takenBy?: { id: string; name: string } | null;
  mismatches: string[];
  onIdChange: (value: string) => void;
  grids: { id: string; name: string }[];
  villages: { id: string; name: string }[];
}) {
  const v = form.getValues();
  return (
    <>
      <Grid.Col span={{ base: 12, sm: 4 }}>
        <TextInput label="姓名" withAsterisk data-autofocus maxLength={50} {...form.getInputProps('name')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 8 }}>
        <TextInput
          label="公民身份号码"
          description="填写有效号码后自动带出性别和出生日期"
          maxLength={20}
          {...form.getInputProps('idNumber')}
          onChange={(e) => onIdChange(e.currentTarget.value)}
        />
      </Grid.Col>
      {takenBy && (
        <Grid.Col span={12}>
          <Alert color="orange" title="该公民身份号码已登记">
            已登记为“{takenBy.name}”。
            <Anchor component={Link} to={`/persons/${takenBy.id}`} ml={4}>
              查看该人员
            </Anchor>
          </Alert>
        </Grid.Col>
      )}
      {mismatches.length > 0 && (
        <Grid.Col span={12}>
          <Alert color="yellow" title="请核对">
            {mismatches.join('；')}
          </Alert>
        </Grid.Col>
      )}
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <Select
          label="性别"
          data={Object.entries(SEX_LABELS).map(([value, label]) => ({ value, label }))}
          clearable
          {...form.getInputProps('sex')}
          value={v.sex || null}
          onChange={(x) => form.setFieldValue('sex', (x ?? '') as PersonValues['sex'])}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <DateField label="出生日期" {...form.getInputProps('birthDate')} />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <Select
          label="民族"
          data={[...ETHNICITIES]}
          searchable
          clearable
          {...form.getInputProps('ethnicity')}
          value={v.ethnicity || null}
          onChange={(x) => form.setFieldValue('ethnicity', x ?? '')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 6, sm: 3 }}>
        <TextInput label="联系电话" placeholder="手机或固定电话" maxLength={30} {...form.getInputProps('phone')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="职业或职务" maxLength={50} {...form.getInputProps('occupation')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="工作单位" maxLength={100} {...form.getInputProps('workUnit')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label="村（社区）"
          data={villages.map((x) => ({ value: x.id, label: x.name }))}
          clearable
          searchable
          nothingFoundMessage="请先在“设置”中添加村（社区）"
          {...form.getInputProps('villageId')}
          value={v.villageId || null}
          onChange={(x) => {
            form.setFieldValue('villageId', x ?? '');
            form.setFieldValue('gridId', '');
          }}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <Select
          label="网格"
          data={grids.map((g) => ({ value: g.id, label: g.name }))}
          clearable
          disabled={!v.villageId}
          {...form.getInputProps('gridId')}
          value={v.gridId || null}
          onChange={(x) => form.setFieldValue('gridId', x ?? '')}
        />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="户籍地址" maxLength={200} {...form.getInputProps('householdAddress')} />
      </Grid.Col>
      <Grid.Col span={{ base: 12, sm: 6 }}>
        <TextInput label="居住地址" maxLength={200} {...form.getInputProps('residenceAddress')} />
      </Grid.Col>
      <Grid.Col span={12}>
        <Textarea label="备注" autosize minRows={2} maxLength={2000} {...form.getInputProps('notes')} />
      </Grid.Col>
    </>
  );
}
