// Chinese is the primary language; English is offered for foreign residents and visitors.
const STORAGE_KEY = 'hub.lang';
const HTML_LANG = { zh: 'zh-CN', en: 'en' };

const dict = {
  zh: {
    'app.name': '政务新媒体互动平台',
    'app.short': 'Hub',
    'nav.home': '返回首页',
    'skip': '跳到主要内容',
    'lang.toggle': 'EN',
    'lang.toggleLabel': 'Switch to English',
    'signOut': '退出登录',
    'signedInAs': '{name}',
    'cancel': '取消',

    'conn.connecting': '正在连接…',
    'conn.connected': '已连接',
    'conn.reconnecting': '正在重新连接…',
    'conn.offline': '连接已断开，正在重试…',
    'conn.label': '连接状态',

    'err.bad_request': '请求内容有误',
    'err.unauthorized': '登录已失效，请重新登录',
    'err.forbidden': '没有权限执行此操作',
    'err.not_found': '未找到相关内容',
    'err.conflict': '当前状态下无法执行此操作',
    'err.too_large': '内容过长',
    'err.rate_limited': '操作过于频繁，请稍后再试',
    'err.network': '网络连接失败，请检查网络后重试',
    'err.server': '服务暂时不可用，请稍后再试',
    'err.offline': '尚未连接到服务器，请稍候再试',
    'err.unknown': '操作未能完成',
    'err.signIn': '用户名或密码不正确',
    'err.notAgent': '该账号没有坐席权限',
    'err.notAdmin': '该账号没有管理员权限',
    'err.noAccounts': '该账号尚未加入任何政务账号，请联系管理员',
    'err.rolesRequired': '请至少选择一个角色',
    'err.sessionGone': '原会话已无法继续，请发起新的咨询',

    'index.title': '政务新媒体互动平台',
    'index.lead': '连接市民与政务新媒体账号的实时互动服务',
    'index.cards': '服务入口',
    'card.citizen.title': '市民咨询',
    'card.citizen.desc': '向政务账号在线咨询、反映问题，实时获得答复。',
    'card.agent.title': '坐席工作台',
    'card.agent.desc': '接收并处理市民咨询，支持转接与结束会话。',
    'card.admin.title': '管理',
    'card.admin.desc': '管理政务账号与工作人员。',
    'card.enter': '进入',

    'citizen.title': '市民咨询',
    'citizen.welcome': '欢迎咨询',
    'citizen.intro': '请输入您的称呼，方便工作人员与您沟通。',
    'citizen.displayName': '您的称呼',
    'citizen.signIn': '进入咨询',
    'citizen.startHeading': '发起咨询',
    'citizen.greeting': '{name}，您好！请选择要咨询的政务账号。',
    'citizen.account': '咨询对象',
    'citizen.accountPlaceholder': '请选择政务账号',
    'citizen.subject': '咨询主题（选填）',
    'citizen.subjectPlaceholder': '例如：社保卡补办',
    'citizen.start': '开始咨询',
    'citizen.noAccounts': '暂无可咨询的政务账号',

    'status.queued': '排队中，您排在第 {n} 位，请稍候',
    'status.queuedNoPos': '排队中，请稍候',
    'status.assigned': '坐席 {name} 为您服务',
    'status.assignedNoName': '坐席已接入，为您服务',
    'status.resolved': '本次咨询已结束',
    'status.resolvedRated': '本次咨询已结束，您的评分：{n} 星',
    'status.loading': '正在加载…',

    'conv.queued': '排队中',
    'conv.assigned': '进行中',
    'conv.resolved': '已结束',

    'note.transferredTo': '会话已转接至「{account}」',
    'note.transferredFrom': '由「{account}」转入',
    'note.transferNote': '转接备注：{note}',
    'typing.agent': '坐席正在输入…',
    'typing.citizen': '市民正在输入…',

    'msg.listLabel': '消息记录',
    'msg.me': '我',
    'msg.agent': '坐席',
    'msg.agentNamed': '坐席 {name}',
    'msg.colleague': '坐席（此前）',
    'msg.citizen': '市民',
    'msg.sending': '发送中…',
    'msg.failed': '发送失败',
    'msg.retry': '重试',
    'msg.discard': '删除',
    'msg.read': '已读',
    'msg.empty': '暂无消息，请输入您要咨询的问题。',
    'msg.emptyAgent': '暂无消息',

    'composer.label': '输入消息',
    'composer.placeholder': '请输入消息',
    'composer.hint': 'Enter 发送，Shift+Enter 换行',
    'composer.counter': '{n} / {max}',
    'send': '发送',

    'rating.prompt': '请为本次服务评分',
    'rating.group': '服务评分（1 至 5 星）',
    'rating.star': '{n} 星',
    'thanks': '感谢您的评价！',
    'newConversation': '发起新的咨询',

    'agent.title': '坐席工作台',
    'agent.signInHeading': '坐席登录',
    'staff.username': '用户名',
    'staff.password': '密码',
    'staff.signIn': '登录',
    'agent.account': '当前账号',
    'agent.available': '接单',
    'agent.availableHint': '开启后将为您分配新的会话',
    'agent.shortcuts': '快捷键：Alt+↑ / Alt+↓ 切换会话',
    'agent.listHeading': '我的会话',
    'agent.listEmpty': '暂无会话',
    'agent.noSubject': '（无主题）',
    'agent.unread': '{n} 条未读',
    'agent.chatEmpty': '请在会话列表中选择一个会话',
    'agent.citizen': '市民：{name}',
    'agent.ratingShown': '市民评分：{n} 星',
    'agent.transfer': '转接',
    'agent.resolve': '结束会话',
    'agent.transferHeading': '转接会话',
    'agent.transferAccount': '转接至',
    'agent.transferNote': '转接备注（选填）',
    'agent.transferConfirm': '确认转接',
    'agent.transferNone': '没有其他可转接的政务账号',
    'agent.transferred': '会话已转接',
    'agent.newConversation': '新会话：{subject}',
    'agent.resolved': '会话已结束',
    'agent.otherUnread': '{name}（{n} 条未读）',

    'admin.title': '系统管理',
    'admin.signInHeading': '管理员登录',
    'admin.createAccountHeading': '新建政务账号',
    'admin.accountId': '账号标识',
    'admin.accountIdHint': '2–64 位小写字母、数字或连字符，例如 city-hotline',
    'admin.accountName': '账号名称',
    'admin.accountDepartment': '所属部门',
    'admin.createAccount': '创建账号',
    'admin.accountsHeading': '政务账号列表',
    'admin.colId': '账号标识',
    'admin.colName': '账号名称',
    'admin.colDepartment': '所属部门',
    'admin.accountsEmpty': '暂无政务账号',
    'admin.staffHeading': '添加工作人员',
    'admin.staffAccount': '所属账号',
    'admin.staffUsername': '用户名',
    'admin.staffPassword': '初始密码',
    'admin.staffDisplayName': '显示名称',
    'admin.roles': '角色',
    'admin.createStaff': '添加工作人员',
    'admin.accountCreated': '已创建政务账号「{name}」',
    'admin.staffCreated': '已添加工作人员 {username}（用户 ID：{userId}）',
    'role.agent': '坐席',
    'role.press': '新闻发布',
    'role.moderator': '问答审核',
    'role.inspector': '督查（只读）',
    'role.admin': '管理员',
  },
  en: {
    'app.name': 'Government New Media Interaction Hub',
    'app.short': 'Hub',
    'nav.home': 'Home',
    'skip': 'Skip to main content',
    'lang.toggle': '中文',
    'lang.toggleLabel': '切换为中文',
    'signOut': 'Sign out',
    'signedInAs': '{name}',
    'cancel': 'Cancel',

    'conn.connecting': 'Connecting…',
    'conn.connected': 'Connected',
    'conn.reconnecting': 'Reconnecting…',
    'conn.offline': 'Disconnected, retrying…',
    'conn.label': 'Connection',

    'err.bad_request': 'The request is not valid',
    'err.unauthorized': 'Your session has expired, please sign in again',
    'err.forbidden': 'You are not allowed to do this',
    'err.not_found': 'Not found',
    'err.conflict': 'This cannot be done right now',
    'err.too_large': 'The content is too long',
    'err.rate_limited': 'Too many requests, please try again shortly',
    'err.network': 'Network error, please check your connection and try again',
    'err.server': 'The service is temporarily unavailable, please try again later',
    'err.offline': 'Not connected to the server yet, please try again in a moment',
    'err.unknown': 'The action could not be completed',
    'err.signIn': 'Incorrect username or password',
    'err.notAgent': 'This user is not an agent',
    'err.notAdmin': 'This user is not an administrator',
    'err.noAccounts': 'This user belongs to no account yet, please contact an administrator',
    'err.rolesRequired': 'Choose at least one role',
    'err.sessionGone': 'The previous conversation cannot be continued, please start a new one',

    'index.title': 'Government New Media Interaction Hub',
    'index.lead': 'Real-time conversations between citizens and government new media accounts',
    'index.cards': 'Services',
    'card.citizen.title': 'Citizen chat',
    'card.citizen.desc': 'Ask a government account a question or report an issue and get answers in real time.',
    'card.agent.title': 'Agent console',
    'card.agent.desc': 'Answer citizen conversations, transfer and resolve them.',
    'card.admin.title': 'Admin',
    'card.admin.desc': 'Manage government accounts and staff.',
    'card.enter': 'Open',

    'citizen.title': 'Citizen chat',
    'citizen.welcome': 'Welcome',
    'citizen.intro': 'Tell us how we should address you.',
    'citizen.displayName': 'Your name',
    'citizen.signIn': 'Continue',
    'citizen.startHeading': 'Start a conversation',
    'citizen.greeting': 'Hello, {name}. Choose the government account you want to ask.',
    'citizen.account': 'Account',
    'citizen.accountPlaceholder': 'Choose an account',
    'citizen.subject': 'Subject (optional)',
    'citizen.subjectPlaceholder': 'e.g. Replacing a social security card',
    'citizen.start': 'Start',
    'citizen.noAccounts': 'No accounts are available yet',

    'status.queued': 'In queue, position {n}',
    'status.queuedNoPos': 'In queue, please wait',
    'status.assigned': 'Agent {name} is serving you',
    'status.assignedNoName': 'An agent is serving you',
    'status.resolved': 'This conversation is closed',
    'status.resolvedRated': 'This conversation is closed. Your rating: {n} of 5',
    'status.loading': 'Loading…',

    'conv.queued': 'Queued',
    'conv.assigned': 'In progress',
    'conv.resolved': 'Resolved',

    'note.transferredTo': 'Transferred to “{account}”',
    'note.transferredFrom': 'Transferred from “{account}”',
    'note.transferNote': 'Transfer note: {note}',
    'typing.agent': 'The agent is typing…',
    'typing.citizen': 'The citizen is typing…',

    'msg.listLabel': 'Messages',
    'msg.me': 'Me',
    'msg.agent': 'Agent',
    'msg.agentNamed': 'Agent {name}',
    'msg.colleague': 'Previous agent',
    'msg.citizen': 'Citizen',
    'msg.sending': 'Sending…',
    'msg.failed': 'Not sent',
    'msg.retry': 'Retry',
    'msg.discard': 'Discard',
    'msg.read': 'Read',
    'msg.empty': 'No messages yet. Type your question below.',
    'msg.emptyAgent': 'No messages yet',

    'composer.label': 'Message',
    'composer.placeholder': 'Type a message',
    'composer.hint': 'Enter to send, Shift+Enter for a new line',
    'composer.counter': '{n} / {max}',
    'send': 'Send',

    'rating.prompt': 'How would you rate this service?',
    'rating.group': 'Service rating (1 to 5 stars)',
    'rating.star': '{n} of 5 stars',
    'thanks': 'Thank you for your feedback!',
    'newConversation': 'New conversation',

    'agent.title': 'Agent console',
    'agent.signInHeading': 'Agent sign in',
    'staff.username': 'Username',
    'staff.password': 'Password',
    'staff.signIn': 'Sign in',
    'agent.account': 'Account',
    'agent.available': 'Available',
    'agent.availableHint': 'When on, new conversations are routed to you',
    'agent.shortcuts': 'Shortcuts: Alt+↑ / Alt+↓ switch conversations',
    'agent.listHeading': 'My conversations',
    'agent.listEmpty': 'No conversations',
    'agent.noSubject': '(no subject)',
    'agent.unread': '{n} unread',
    'agent.chatEmpty': 'Select a conversation from the list',
    'agent.citizen': 'Citizen: {name}',
    'agent.ratingShown': 'Citizen rating: {n} of 5',
    'agent.transfer': 'Transfer',
    'agent.resolve': 'Resolve',
    'agent.transferHeading': 'Transfer conversation',
    'agent.transferAccount': 'Transfer to',
    'agent.transferNote': 'Note (optional)',
    'agent.transferConfirm': 'Transfer',
    'agent.transferNone': 'There is no other account to transfer to',
    'agent.transferred': 'Conversation transferred',
    'agent.newConversation': 'New conversation: {subject}',
    'agent.resolved': 'Conversation resolved',
    'agent.otherUnread': '{name} ({n} unread)',

    'admin.title': 'Administration',
    'admin.signInHeading': 'Administrator sign in',
    'admin.createAccountHeading': 'New government account',
    'admin.accountId': 'Account ID',
    'admin.accountIdHint': '2–64 lower-case letters, digits or hyphens, e.g. city-hotline',
    'admin.accountName': 'Name',
    'admin.accountDepartment': 'Department',
    'admin.createAccount': 'Create account',
    'admin.accountsHeading': 'Government accounts',
    'admin.colId': 'ID',
    'admin.colName': 'Name',
    'admin.colDepartment': 'Department',
    'admin.accountsEmpty': 'No accounts yet',
    'admin.staffHeading': 'Add a staff member',
    'admin.staffAccount': 'Account',
    'admin.staffUsername': 'Username',
    'admin.staffPassword': 'Initial password',
    'admin.staffDisplayName': 'Display name',
    'admin.roles': 'Roles',
    'admin.createStaff': 'Add staff member',
    'admin.accountCreated': 'Account “{name}” created',
    'admin.staffCreated': 'Staff member {username} added (user ID: {userId})',
    'role.agent': 'Agent',
    'role.press': 'Press officer',
    'role.moderator': 'Moderator',
    'role.inspector': 'Inspector (read-only)',
    'role.admin': 'Administrator',
  },
};

const listeners = new Set();

function storedLang() {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return value === 'en' || value === 'zh' ? value : 'zh';
  } catch {
    return 'zh';
  }
}

let current = storedLang();

export function lang() {
  return current;
}

export function t(key, params = {}) {
  const template = dict[current][key] ?? dict.zh[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (match, name) => (name in params ? String(params[name]) : match));
}

/** Fills every element marked with data-i18n* attributes below root. */
export function applyI18n(root = document) {
  document.documentElement.lang = HTML_LANG[current];
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = t(el.dataset.i18nPlaceholder);
  for (const el of root.querySelectorAll('[data-i18n-aria-label]')) el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel));
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
}

export function setLang(value) {
  if (value !== 'zh' && value !== 'en') return;
  current = value;
  try {
    localStorage.setItem(STORAGE_KEY, value);
  } catch {
    // Private browsing may forbid storage; the choice then lasts for this page only.
  }
  applyI18n();
  for (const listener of listeners) listener(value);
}

/** Registers a re-render for the parts of a page that are built from data rather than markup. */
export function onLangChange(listener) {
  listeners.add(listener);
}

/** Wires the header button that switches between Chinese and English. */
export function initLangToggle(button) {
  const render = () => {
    button.textContent = t('lang.toggle');
    button.setAttribute('aria-label', t('lang.toggleLabel'));
    button.lang = current === 'zh' ? 'en' : 'zh-CN';
  };
  button.addEventListener('click', () => setLang(current === 'zh' ? 'en' : 'zh'));
  onLangChange(render);
  applyI18n();
  render();
}
