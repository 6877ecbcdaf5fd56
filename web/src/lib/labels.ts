import type { TFunction } from 'i18next';
import type { ActorRef, Localized, Role, Scope } from '../api/types';
import { isLocale } from '../i18n/i18n';

export function roleLabel(t: TFunction, role: Role): string {
  return t(`roles.${role}`);
}

export function scopeLabel(t: TFunction, scope: Scope): string {
  switch (scope.kind) {
    case 'all':
      return t('scope.all');
    case 'outlet':
      return t('scope.outlet', { name: scope.outletName || scope.outletId });
    case 'regions':
      return t('scope.regions', { codes: scope.regionCodes.join(', ') });
  }
}

/** Server-provided bilingual text in the UI language, falling back to whichever side is filled. */
export function localized(text: Localized, language: string): string {
  return (isLocale(language) ? text[language] : text['zh-CN']) || text['zh-CN'] || text['en-US'];
}

/** Background jobs and the demo seed act as the pseudo-user `system`; people read "System". */
export function isSystemActor(actor: ActorRef | null): boolean {
  return actor === null || actor.id === 'system';
}

export function actorName(t: TFunction, actor: ActorRef | null): string {
  return actor === null || isSystemActor(actor) ? t('common.system') : actor.displayName;
}
