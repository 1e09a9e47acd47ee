/**
 * This phone's name for itself: a random id made once and kept in storage, sent with what a
 * person vouches for (a month's attendance, a confirmation). It proves nothing alone; the same id
 * behind two people's confirmations is what the integrity flags look for (冒名顶替).
 */
import Taro from '@tarojs/taro';

const DEVICE_STORAGE_KEY = 'bangfu.device';
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function newDeviceId(): string {
  let id = 'd';
  for (let i = 0; i < 23; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  return id;
}

export function deviceId(): string {
  let id: unknown;
  try {
    id = Taro.getStorageSync(DEVICE_STORAGE_KEY);
  } catch {
    id = undefined;
  }
  if (typeof id === 'string' && /^[a-z0-9]{16,64}$/.test(id)) return id;
  const made = newDeviceId();
  try {
    Taro.setStorageSync(DEVICE_STORAGE_KEY, made);
  } catch {
    // Storage full or refused: this session still has an id; the next makes another.
  }
  return made;
}
