/**
 * Where a poster's code opens the mini-program: WeChat's "扫普通链接二维码" brings the code's
 * URL as `q` (percent-encoded); the H5 build's /c/<token> redirect brings `t` (the token) or
 * `code`. Asks the API where the code leads and goes there in place of this page; a code that
 * was withdrawn, is not ours, or could not be read says why, with the way home.
 */
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { errorText, isApiError } from '../../../api/client';
import { openCode } from '../../../api/helpCodes';
import { Notice, Page } from '../../../components/Page';
import { OpenProblem } from '../../OpenProblem';
import '../../codes.css';

function decoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** The scanned text: the decoded `q`, or `t`, or `code`; '' when the page was opened without one. */
function scannedText(params: Partial<Record<string, string>>): string {
  return decoded(params.q || params.t || params.code || '').trim();
}

type Opening = { state: 'opening' } | { state: 'problem'; text: string; retry: boolean };

function OpenCode({ text }: { text: string }) {
  const [opening, setOpening] = useState<Opening>({ state: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let stale = false;
    setOpening({ state: 'opening' });
    openCode(text)
      .then(async ({ target }) => {
        if (stale) return;
        try {
          await Taro.redirectTo({ url: target.page });
        } catch {
          if (!stale)
            setOpening({
              state: 'problem',
              text: `找到了“${target.title}”，但是打不开这个页面。请回到首页再找一找。`,
              retry: true,
            });
        }
      })
      .catch((error: unknown) => {
        if (stale) return;
        const network = isApiError(error) && (error.status === 0 || error.status >= 500);
        setOpening({ state: 'problem', text: errorText(error), retry: network });
      });
    return () => {
      stale = true;
    };
  }, [text, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);

  if (opening.state === 'opening') return <Notice testId="code-opening">正在打开…</Notice>;
  return <OpenProblem text={opening.text} onRetry={opening.retry ? retry : undefined} />;
}

export default function OpenCodePage() {
  const { params } = useRouter();
  const text = scannedText(params);
  return <Page>{text ? <OpenCode text={text} /> : <OpenProblem text="没有读到码。请对准海报上的码，再扫一次。" />}</Page>;
}
