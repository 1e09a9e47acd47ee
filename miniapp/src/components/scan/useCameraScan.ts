/**
 * H5: scanning a QR code with the phone's rear camera. The camera shows in the <video> the
 * caller renders with `videoRef` (always mounted; hide it while `phase` is not 'on'). Frames
 * are copied to an off-screen canvas and decoded about five times a second, the pause counted
 * after each decode so a slow phone is never kept busy. The camera is switched off as soon as a
 * code is found, on `stop()`, when the page is hidden or left, and when the component unmounts.
 */
import { useDidHide } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { loadDecoder } from './loadDecoder';

/** off → starting (asking for the camera) → on (looking for a code) → off; or failed. */
export type CameraPhase = 'off' | 'starting' | 'on' | 'failed';

/** Why the camera did not start: no camera or refused ('camera'), or the decoder did not load ('load'). */
export type CameraFailure = 'camera' | 'load';

export interface CameraScan {
  phase: CameraPhase;
  failure: CameraFailure | undefined;
  videoRef: RefObject<HTMLVideoElement>;
  start: () => void;
  stop: () => void;
}

/** Pause between two decodes of camera frames (about 5 a second). */
export const DECODE_EVERY_MS = 200;

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

export function useCameraScan(onCode: (text: string) => void): CameraScan {
  const [phase, setPhase] = useState<CameraPhase>('off');
  const [failure, setFailure] = useState<CameraFailure | undefined>(undefined);
  const videoRef = useRef<HTMLVideoElement>(null);
  const latestOnCode = useRef(onCode);
  latestOnCode.current = onCode;
  /** Bumped by every start and stop: a camera or frame arriving for an older session is dropped. */
  const session = useRef(0);
  const stream = useRef<MediaStream | null>(null);
  const frame = useRef(0);

  /** Camera off, loop ended, no state change (safe while unmounting). */
  const release = useCallback(() => {
    session.current += 1;
    if (frame.current) cancelAnimationFrame(frame.current);
    frame.current = 0;
    if (stream.current) stopTracks(stream.current);
    stream.current = null;
    const video = videoRef.current;
    if (video) {
      video.pause();
      video.srcObject = null;
    }
  }, []);

  const stop = useCallback(() => {
    release();
    setPhase((before) => (before === 'failed' ? before : 'off'));
  }, [release]);

  const fail = useCallback(
    (why: CameraFailure) => {
      release();
      setFailure(why);
      setPhase('failed');
    },
    [release],
  );

  const start = useCallback(() => {
    release();
    const id = session.current;
    const media = typeof navigator === 'undefined' ? undefined : navigator.mediaDevices;
    if (!media || typeof media.getUserMedia !== 'function') {
      fail('camera'); // an old browser, or a page not served over https
      return;
    }
    setFailure(undefined);
    setPhase('starting');
    const decoding = loadDecoder();
    decoding.catch(() => undefined); // handled below; not an unhandled rejection meanwhile
    media.getUserMedia({ audio: false, video: { facingMode: 'environment' } }).then(
      async (camera) => {
        if (id !== session.current) {
          stopTracks(camera); // stopped or unmounted while the browser asked
          return;
        }
        stream.current = camera;
        let decoder;
        try {
          decoder = await decoding;
        } catch {
          if (id === session.current) fail('load');
          return;
        }
        const video = videoRef.current;
        if (id !== session.current) return;
        if (!video) {
          release();
          setPhase('off');
          return;
        }
        for (const track of camera.getVideoTracks()) {
          track.addEventListener('ended', () => {
            if (id === session.current) stop(); // unplugged, or the permission taken back
          });
        }
        video.muted = true;
        video.srcObject = camera;
        video.play().catch(() => undefined); // muted + playsInline: allowed to play by itself
        setPhase('on');

        const canvas = document.createElement('canvas');
        let next = 0;
        const tick = (now: number) => {
          if (id !== session.current) return;
          frame.current = requestAnimationFrame(tick);
          if (now < next || video.readyState < video.HAVE_CURRENT_DATA || !video.videoWidth) return;
          const pixels = decoder.pixelsOf(video, video.videoWidth, video.videoHeight, decoder.FRAME_MAX_SIDE, canvas);
          const text = pixels && decoder.decodePixels(pixels, 'dontInvert');
          next = performance.now() + DECODE_EVERY_MS;
          if (text) {
            release();
            setPhase('off');
            latestOnCode.current(text);
          }
        };
        frame.current = requestAnimationFrame(tick);
      },
      () => {
        // NotAllowedError (refused), NotFoundError (no camera), NotReadableError (in use), …
        if (id === session.current) fail('camera');
      },
    );
  }, [fail, release, stop]);

  // Off when the page is hidden (another page opened over it, the app in the background) and when unmounted.
  useDidHide(stop);
  useEffect(() => {
    const onVisibility = () => {
      if (document.hidden) stop();
    };
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      release();
    };
  }, [release, stop]);

  return { phase, failure, videoRef, start, stop };
}
