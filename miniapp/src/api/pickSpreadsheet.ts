/**
 * A spreadsheet the person picks (a bank's return file): in WeChat from a chat, where a file sent
 * from a computer arrives (chooseMessageFile); in the browser from the device. Its bytes are read
 * here, so a route takes them as its body. Undefined when the person changed their mind.
 */
import Taro from '@tarojs/taro';
import { XLSX_MEDIA_TYPE } from '@bangfu/shared';
import type { PickedFile } from './client';

/** What the API reads: CSV (UTF-8 or GBK, as banks write it) and XLSX. */
const EXTENSIONS = ['csv', 'xlsx'];

/**
 * The media type a file of this name is sent as; undefined for one the API cannot read (.xls,
 * .pdf…). A CSV goes as plain bytes: API Gateway may pass a text/csv body on as text, which a
 * bank's GBK file would not survive; the API tells it from an XLSX by its first bytes.
 */
function spreadsheetType(name: string): string | undefined {
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  return extension === 'xlsx' ? XLSX_MEDIA_TYPE : extension === 'csv' ? 'application/octet-stream' : undefined;
}

function pickInBrowser(): Promise<{ name: string; data: ArrayBuffer } | undefined> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.csv,.xlsx,text/csv';
    input.style.display = 'none';
    const done = () => input.remove();
    input.addEventListener('change', () => {
      const file = input.files?.[0];
      done();
      if (!file) return resolve(undefined);
      file.arrayBuffer().then((data) => resolve({ name: file.name, data }), reject);
    });
    input.addEventListener('cancel', () => {
      done();
      resolve(undefined);
    });
    document.body.appendChild(input);
    input.click();
  });
}

async function pickInWechat(): Promise<{ name: string; data: ArrayBuffer } | undefined> {
  let picked: Taro.chooseMessageFile.SuccessCallbackResult;
  try {
    picked = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: EXTENSIONS });
  } catch {
    return undefined; // 取消
  }
  const file = picked.tempFiles[0];
  if (!file) return undefined;
  const data = await new Promise<ArrayBuffer>((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath: file.path,
      success: (result) => resolve(result.data as ArrayBuffer),
      fail: reject,
    });
  });
  return { name: file.name, data };
}

/** The file picked, with the media type its name says; `contentType` is '' when it is not CSV or XLSX. */
export async function pickSpreadsheet(): Promise<PickedFile | undefined> {
  const picked = process.env.TARO_ENV === 'h5' ? await pickInBrowser() : await pickInWechat();
  return picked ? { ...picked, contentType: spreadsheetType(picked.name) ?? '' } : undefined;
}

/**
 * A bank's file picked to be read (its return file, its 代发结果): the file, or in plain words why it
 * cannot be sent — not CSV or XLSX, or larger than `maxBytes` — or undefined when the person changed
 * their mind.
 */
export async function pickBankFile(maxBytes: number): Promise<{ file: PickedFile } | { failure: string } | undefined> {
  const file = await pickSpreadsheet().catch(() => undefined);
  if (!file) return undefined;
  if (!file.contentType) {
    return { failure: '只能读 CSV 或 XLSX 文件。银行给的是别的格式（如 .xls），请在电脑上另存为 XLSX 再发到微信里' };
  }
  if (file.data.byteLength > maxBytes) {
    return { failure: `文件太大（超过 ${Math.round(maxBytes / 1024 / 1024)} MB），不像是银行发回来的这个文件` };
  }
  return { file };
}
