/** A chosen file as base64, read by the browser itself (a 20 MB scan would be slow to convert in JavaScript); how files reach the host. */
export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    // A data: URL, "data:<type>;base64,<bytes>".
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(new Error(`无法读取文件“${file.name}”`));
    reader.readAsDataURL(file);
  });
}
