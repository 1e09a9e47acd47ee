/**
 * The platform's own speech, for people who read little. H5: the Web Speech API in Mandarin
 * (zh-CN). Where there is none — WeChat without a speech plugin, a browser without speech or
 * without a Chinese voice — `supported` is false and the button is not shown at all.
 */
import { useCallback, useEffect, useState } from 'react';

const LANG = 'zh-CN';

function synthesis(): SpeechSynthesis | undefined {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return undefined;
  return 'speechSynthesis' in window && typeof SpeechSynthesisUtterance === 'function' ? window.speechSynthesis : undefined;
}

/** A Mandarin voice if the browser lists one; none listed yet (they load late) lets the browser pick by language. */
function chineseVoice(speech: SpeechSynthesis): SpeechSynthesisVoice | null | undefined {
  const voices = speech.getVoices();
  if (!voices.length) return undefined;
  return (
    voices.find((v) => v.lang.replace('_', '-').toLowerCase() === 'zh-cn') ??
    voices.find((v) => v.lang.toLowerCase().startsWith('zh')) ??
    null
  );
}

export function useSpeech() {
  const speech = synthesis();
  const [speaking, setSpeaking] = useState(false);
  // Voices arrive after the page loads in some browsers: a list without Chinese hides the button.
  const [voice, setVoice] = useState(() => (speech ? chineseVoice(speech) : null));
  useEffect(() => {
    if (!speech) return undefined;
    const update = () => setVoice(chineseVoice(speech));
    speech.addEventListener?.('voiceschanged', update);
    return () => {
      speech.removeEventListener?.('voiceschanged', update);
      speech.cancel();
    };
  }, [speech]);

  const speak = useCallback(
    (text: string) => {
      if (!speech) return;
      speech.cancel();
      const utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = LANG;
      utterance.rate = 0.9; // a little slower than the default, for older listeners
      if (voice) utterance.voice = voice;
      utterance.onend = () => setSpeaking(false);
      utterance.onerror = () => setSpeaking(false);
      setSpeaking(true);
      speech.speak(utterance);
    },
    [speech, voice],
  );
  const stop = useCallback(() => {
    speech?.cancel();
    setSpeaking(false);
  }, [speech]);

  return { supported: Boolean(speech) && voice !== null, speaking, speak, stop };
}
