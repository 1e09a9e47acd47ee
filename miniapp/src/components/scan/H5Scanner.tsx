/**
 * H5: the rear camera (打开相机扫码) or a photo (从相册选照片), both decoded in the page with
 * jsQR. The photo button is a real <input type="file"> laid invisibly over the big button, so
 * a tap anywhere on it opens the picker, screen readers announce it, and tests can set files.
 */
import { Button, Text, View } from '@tarojs/components';
import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { loadDecoder } from './loadDecoder';
import { SCAN_TEXT } from './scanText';
import { useCameraScan } from './useCameraScan';

export function H5Scanner({ onCode, label }: { onCode: (text: string) => void; label?: string }) {
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [reading, setReading] = useState(false);
  const mounted = useRef(true);
  const latestOnCode = useRef(onCode);
  latestOnCode.current = onCode;

  const camera = useCameraScan((text) => {
    setProblem(undefined);
    latestOnCode.current(text);
  });
  const cameraOn = camera.phase === 'on' || camera.phase === 'starting';
  /** Refused or missing: the camera button goes, the photo button stays (and becomes the main one). */
  const cameraGone = camera.phase === 'failed' && camera.failure === 'camera';

  useEffect(() => {
    if (camera.phase === 'failed') setProblem(camera.failure === 'load' ? SCAN_TEXT.loadFailed : SCAN_TEXT.cameraFailed);
  }, [camera.phase, camera.failure]);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const openCamera = () => {
    setProblem(undefined);
    camera.start();
  };

  const onPhoto = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    input.value = ''; // the same photo picked again must fire again
    if (!file || reading) return;
    setReading(true);
    setProblem(undefined);
    const finish = (text: string | undefined, failure?: string) => {
      if (!mounted.current) return;
      setReading(false);
      if (text) {
        camera.stop();
        latestOnCode.current(text);
      } else {
        setProblem(failure ?? SCAN_TEXT.noCodeInPhoto);
      }
    };
    loadDecoder().then(
      (decoder) =>
        decoder.decodePhoto(file).then(
          (text) => finish(text),
          () => finish(undefined, SCAN_TEXT.badPhoto),
        ),
      () => finish(undefined, SCAN_TEXT.loadFailed),
    );
  };

  return (
    <View className="bf-scan" data-testid="code-scanner">
      {label ? <View className="bf-scan__label">{label}</View> : null}

      <View className={camera.phase === 'on' ? 'bf-scan__camera' : 'bf-scan__camera bf-scan__camera--off'}>
        <video
          ref={camera.videoRef}
          className="bf-scan__video"
          aria-label={SCAN_TEXT.videoLabel}
          data-testid="scan-video"
          autoPlay
          muted
          playsInline
        />
        <View className="bf-scan__aim" aria-hidden="true" />
      </View>

      {camera.phase === 'on' ? <View className="bf-scan__hint">{SCAN_TEXT.aim}</View> : null}
      {camera.phase === 'starting' ? (
        <View className="bf-scan__hint" role="status">
          {SCAN_TEXT.starting}
        </View>
      ) : null}
      {reading ? (
        <View className="bf-scan__hint" role="status" data-testid="scan-reading">
          {SCAN_TEXT.reading}
        </View>
      ) : null}
      {problem ? (
        <View className="bf-notice bf-notice--error" role="alert" data-testid="scan-problem">
          {problem}
        </View>
      ) : null}

      {cameraOn ? (
        <Button className="bf-native-button" onClick={camera.stop} data-testid="scan-camera-close">
          {SCAN_TEXT.closeCamera}
        </Button>
      ) : cameraGone ? null : (
        <Button className="bf-native-button bf-native-button--primary" onClick={openCamera} data-testid="scan-camera-open">
          {SCAN_TEXT.openCamera}
        </Button>
      )}

      <label
        className={[
          'bf-native-button',
          'bf-scan__photo',
          cameraGone ? 'bf-native-button--primary' : '',
          reading ? 'bf-scan__photo--busy' : '',
        ]
          .filter(Boolean)
          .join(' ')}
      >
        <Text className="bf-scan__photo-text">{SCAN_TEXT.pickPhoto}</Text>
        <input
          type="file"
          accept="image/*"
          className="bf-scan__file"
          data-testid="scan-photo-input"
          aria-label={SCAN_TEXT.pickPhotoLabel}
          disabled={reading}
          onChange={onPhoto}
        />
      </label>
    </View>
  );
}
