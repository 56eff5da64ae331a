import type { RestoreNotice } from './restoreViewState.ts';

/** The part of the view a notice is about, for telling a person what was reset. */
export type NoticeGroup = 'camera' | 'model' | 'filters' | 'layers' | 'selection' | 'display';

/** The groups `notices` touch, each once, in a fixed order; whole-view notices are not in any. */
export function noticeGroups(notices: readonly RestoreNotice[]): NoticeGroup[] {
  const groups = new Set<NoticeGroup>();
  for (const { field } of notices) {
    const top = field.split('.')[0];
    if (top === 'camera' || top === 'model' || top === 'filters' || top === 'layers' || top === 'selection') groups.add(top);
    else if (top === 'locale' || top === 'theme' || top === 'mode' || top === 'drawer') groups.add('display');
  }
  const order: NoticeGroup[] = ['camera', 'model', 'filters', 'layers', 'selection', 'display'];
  return order.filter((group) => groups.has(group));
}
