import { useEffect, useState } from 'react';
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { ApiError, NETWORK_ERROR, api, buildUrl } from '../../api/client';
import { APPEAL_FILE_TYPES, MAX_APPEAL_FILE_MB, callbackPath } from '../../api/callbacks';
import type { Allowed, AppealFileView, TaskDetail } from '../../api/callbacks';
import { currentLocale, i18n } from '../../i18n/i18n';
import { reasonText } from '../../lib/errors';
import { useApi } from '../../lib/use-api';

/**
 * One callback task. Every change answers with the whole task, which replaces the loaded one at once, so the
 * page never shows a version older than the one the next change will send.
 */
export function useCallbackTask(taskId: string) {
  const { data, error, reload } = useApi(`callback-task:${taskId}`, (signal) =>
    api.get<TaskDetail>(callbackPath(taskId), undefined, { signal }),
  );
  const [task, setTask] = useState<TaskDetail | undefined>(undefined);
  useEffect(() => {
    if (data) setTask(data);
  }, [data]);
  return { task, setTask, error, reload };
}

/** The refusal behind a greyed action, in the UI language when the dictionary knows its code. */
export function allowedReason(allowed: Allowed): string | undefined {
  return allowed.allowed ? undefined : reasonText(allowed.reason);
}

/** A role that may never take the action is not shown it at all; a rule's refusal is explained instead. */
export const isForbidden = (allowed: Allowed): boolean =>
  !allowed.allowed && (allowed.reason?.code === 'FORBIDDEN' || allowed.reason?.code === 'NOT_IN_SCOPE');

export const isStale = (error: unknown): boolean =>
  error instanceof ApiError && error.code === 'VERSION_CONFLICT';

/**
 * Puts the server's field issues (`/answers/feeAmountFen`, `/reasons/0`) next to the inputs they name, worded
 * in the UI language when the rule's code is known. Issues for fields the form does not show stay in the
 * problem's own message.
 */
export function pinFieldIssues<V>(form: FormInstance<V>, error: unknown, t: TFunction): void {
  if (!(error instanceof ApiError) || !Array.isArray(error.extras.errors)) return;
  const registered = form.getFieldsError().map((entry) => entry.name.join('/'));
  const english = currentLocale() === 'en-US';
  const pinned = error.extras.errors.flatMap((item: unknown) => {
    if (typeof item !== 'object' || item === null) return [];
    const { path, code, message } = item as Record<string, unknown>;
    if (typeof path !== 'string' || typeof message !== 'string') return [];
    const name = path
      .replace(/^\/?body/, '')
      .split('/')
      .filter((part) => part.length > 0)
      .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
    // A problem with one chosen reason belongs to the reasons group as a whole.
    const field = name[0] === 'reasons' ? ['reasons'] : name;
    if (!registered.includes(field.join('/'))) return [];
    const key = `callbacks.issues.${typeof code === 'string' ? code : ''}`;
    const text = !english && typeof code === 'string' && i18n.exists(key) ? t(key as never) : message;
    return [{ name: field, errors: [text] }];
  });
  if (pinned.length > 0) form.setFields(pinned as Parameters<FormInstance<V>['setFields']>[0]);
}

export function appealFileProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!(APPEAL_FILE_TYPES as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_APPEAL_FILE_MB * 1024 * 1024) return 'size';
  return null;
}

function csrfToken(): string | null {
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === 'as_csrf') return decodeURIComponent(rest.join('='));
  }
  return null;
}

/** Sends one appeal file as the raw body with its own type (the route takes no multipart). */
export async function uploadAppealFile(taskId: string, file: File): Promise<AppealFileView> {
  const csrf = csrfToken();
  let response: Response;
  try {
    response = await fetch(buildUrl(callbackPath(taskId, 'appeal/files'), { fileName: file.name }), {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json, application/problem+json',
        'content-type': file.type,
        ...(csrf ? { 'x-csrf-token': csrf } : {}),
      },
      body: file,
    });
  } catch {
    throw new ApiError({ status: 0, code: NETWORK_ERROR, title: '', detail: '', errors: [] });
  }
  const text = await response.text();
  let body: Record<string, unknown> = {};
  try {
    body = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  } catch {
    // A proxy's HTML page: the status alone says what happened.
  }
  if (!response.ok) {
    throw new ApiError({
      status: response.status,
      code: typeof body.code === 'string' ? body.code : `HTTP_${response.status}`,
      title: typeof body.title === 'string' ? body.title : response.statusText,
      detail: typeof body.detail === 'string' ? body.detail : '',
      errors: [],
      extras: body,
    });
  }
  return (body as { file: AppealFileView }).file;
}
