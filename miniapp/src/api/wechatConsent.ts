/**
 * WeChat's 允许 for one subscribe-message template (一次性订阅, WeChat only): asked first thing in
 * a tap, since WeChat shows its dialog only in answer to one. True when the worker allowed it.
 */
import Taro from '@tarojs/taro';

export async function wechatAllows(templateId: string): Promise<boolean> {
  const answer = await Taro.requestSubscribeMessage({ tmplIds: [templateId], entityIds: [] });
  // The template's own key says 'accept', 'reject' or 'ban'; a failure has none.
  return (answer as Taro.requestSubscribeMessage.SuccessCallbackResult)[templateId] === 'accept';
}
