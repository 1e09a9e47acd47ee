/**
 * Which 短信提醒 are sent here: a template id for each message, and the SMS application and
 * signature they go out under. Apart from the sender so that the API can say a card's text will go
 * without loading the SMS client (only the function on the table's stream sends).
 */
import type { TextTemplate } from '@bangfu/shared';
import type { Config } from '../config.js';

/** The provider's template id of each message; a message without one (or with no application or signature) is not sent. */
export function textTemplateIds(config: Config): Partial<Record<TextTemplate, string>> {
  if (!config.SMS_SDK_APP_ID || !config.SMS_SIGN_NAME) return {};
  return {
    ...(config.SMS_CARD_TEMPLATE_ID ? { cardEntered: config.SMS_CARD_TEMPLATE_ID } : {}),
    ...(config.SMS_PHONE_TEMPLATE_ID ? { phoneChanged: config.SMS_PHONE_TEMPLATE_ID } : {}),
    ...(config.SMS_PAID_TEMPLATE_ID ? { claimPaid: config.SMS_PAID_TEMPLATE_ID } : {}),
  };
}
