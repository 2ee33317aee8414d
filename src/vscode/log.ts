import * as vscode from 'vscode';
import { Cancelled } from '../core';

/** The extension's log: problems go here, never to pop-ups (View → Output → MedTerms). */
export type Log = vscode.LogOutputChannel;

export function createLog(): Log {
  return vscode.window.createOutputChannel('MedTerms', { log: true });
}

/**
 * Runs a provider's work so that a bug cannot break the editor: an exception or rejection is
 * logged with `label` and the provider answers "nothing here". Work cancelled because its
 * document closed is not a failure and is not logged.
 */
export async function guard<T>(log: Log, label: string, work: () => T | Promise<T>): Promise<T | undefined> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof Cancelled)) log.error(`${label} failed`, err);
    return undefined;
  }
}
