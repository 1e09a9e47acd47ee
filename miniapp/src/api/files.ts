/**
 * Files the API draws for a logged-in user (posters: PNG of one code, PDF of many), fetched
 * with the session token and opened the way the platform can:
 * - WeChat: downloaded, then a PDF opens in WeChat's viewer (with its menu: forward to a
 *   computer, print) and a PNG in the image preview (press and hold to save or send);
 * - H5: fetched, then saved through a temporary download link.
 * A failure is thrown as ApiError, so errorText() says it in Chinese (e.g. the API refusing
 * more than 200 posters at once).
 */
import Taro from '@tarojs/taro';
import { API_BASE, ApiError, clearSession, loadSession, type LocalizedText } from './client';

/** Drawing a PDF of many posters takes a while on the server; a slow network adds to it. */
const TIMEOUT_MS = 60_000;

/** `/api/v1/…` (a contract's path) or `/v1/…`, as a full URL on the API's base. */
function fileUrl(path: string): string {
  const relative = path.replace(/^\/api(?=\/)/, '');
  return `${API_BASE}${relative.startsWith('/') ? relative : `/${relative}`}`;
}

function authHeader(): Record<string, string> {
  const session = loadSession();
  return session ? { Authorization: `Bearer ${session.token}` } : {};
}

/** A name the phone's file system takes: no path separators or other special characters. */
function safeName(fileName: string): string {
  return fileName.replace(/[\\/:*?"<>|\s]+/g, '-').slice(0, 80) || 'file';
}

const isPdf = (fileName: string) => /\.pdf$/i.test(fileName);

function networkError(): ApiError {
  return new ApiError({
    code: 'NETWORK_ERROR',
    messages: { zh: '网络连不上或太慢，请检查网络后再试。', en: 'The network is unreachable or too slow.' },
    status: 0,
  });
}

/** The API's error from a failed answer's body (JSON text), or a plain one for its status. */
function errorOf(status: number, text: string | undefined): ApiError {
  let body: unknown;
  try {
    body = text ? (JSON.parse(text) as unknown) : undefined;
  } catch {
    body = undefined;
  }
  const error = (body as { error?: { code?: unknown; message?: Partial<LocalizedText>; field?: unknown; requestId?: unknown } })
    ?.error;
  if (status === 401 && loadSession()) clearSession();
  if (error && typeof error.code === 'string' && typeof error.message?.zh === 'string') {
    return new ApiError({
      code: error.code,
      messages: { zh: error.message.zh, en: typeof error.message.en === 'string' ? error.message.en : error.message.zh },
      status,
      field: typeof error.field === 'string' ? error.field : undefined,
      requestId: typeof error.requestId === 'string' ? error.requestId : undefined,
    });
  }
  const zh =
    status === 401
      ? '请先登录。'
      : status === 403
        ? '没有权限下载这个文件。'
        : status === 404
          ? '没有找到这个文件。'
          : '文件没有下载下来，请稍后再试。';
  return new ApiError({
    code: status >= 500 ? 'INTERNAL' : 'BAD_RESPONSE',
    messages: { zh, en: `Download failed (${status}).` },
    status,
  });
}

async function openInWechat(url: string, fileName: string): Promise<void> {
  const userPath = Taro.env?.USER_DATA_PATH;
  // A real name, so a PDF forwarded to a computer for printing says what it is; the same
  // name again replaces the earlier copy rather than filling the phone.
  const target = userPath ? `${userPath}/${safeName(fileName)}` : undefined;
  if (target) {
    try {
      Taro.getFileSystemManager().unlinkSync(target);
    } catch {
      // Not there yet.
    }
  }
  let response: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    response = await Taro.downloadFile({
      url,
      header: authHeader(),
      timeout: TIMEOUT_MS,
      ...(target ? { filePath: target } : {}),
    });
  } catch {
    throw networkError();
  }
  const filePath = response.filePath || response.tempFilePath;
  if (response.statusCode < 200 || response.statusCode >= 300) {
    let text: string | undefined;
    try {
      text = Taro.getFileSystemManager().readFileSync(filePath, 'utf8') as string;
    } catch {
      text = undefined;
    }
    throw errorOf(response.statusCode, text);
  }
  if (isPdf(fileName)) {
    await Taro.openDocument({ filePath, fileType: 'pdf', showMenu: true });
  } else {
    await Taro.previewImage({ urls: [filePath], current: filePath });
  }
}

async function saveInBrowser(url: string, fileName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { Accept: isPdf(fileName) ? 'application/pdf' : 'image/png', ...authHeader() } });
  } catch {
    throw networkError();
  }
  if (!response.ok) throw errorOf(response.status, await response.text().catch(() => undefined));
  const objectUrl = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = objectUrl;
  link.download = fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // Long enough for the browser to start saving it.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 60_000);
}

/**
 * Downloads an API file (`path` as in the contract, e.g. `/api/v1/positions/p_…/poster`) and
 * opens or saves it as `fileName` (its extension says PDF or PNG).
 */
export function openFile(path: string, fileName: string): Promise<void> {
  const url = fileUrl(path);
  return process.env.TARO_ENV === 'h5' ? saveInBrowser(url, fileName) : openInWechat(url, fileName);
}
