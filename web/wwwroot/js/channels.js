// The channels an account publishes on, in the order people know them.
import { t } from './i18n.js';
import { h } from './ui.js';

export const CHANNELS = ['website', 'wechat', 'weibo', 'douyin', 'app', 'miniprogram'];

export const channelName = (channel) => t(`channel.${channel}`);

/** Fills a select with the channels, keeping its choice across a language switch. */
export function renderChannelSelect(select) {
  const chosen = select.value || CHANNELS[1];
  select.replaceChildren(...CHANNELS.map((c) => h('option', { value: c, text: channelName(c) })));
  select.value = chosen;
}
