import * as vscode from 'vscode';
import { addToLayer, isoDate, KNOWLEDGE_SUBFOLDERS, knowledgeFileRole, knowledgeLayers, namedKnowledgeFile, newTermEntry, WORKSPACE_KNOWLEDGE_FOLDER, type KnowledgeBase, type LayerAddition, type KnowledgeFile, type Layer, type Problem } from '../core';
import { Commands, SETTINGS_SECTION, Settings } from './constants';
import type { Session } from './session';

/** How long after the last change to a layer file the knowledge base is rebuilt: a save, a rename, a git checkout come in bursts. */
export const KNOWLEDGE_DEBOUNCE_MS = 200;

/**
 * How long after a knowledge folder appears its layers are read once more: the watcher of the
 * new folder takes a moment to start (over a second in the remote test host, under load), and a
 * file written meanwhile would otherwise wait for its next change.
 */
export const WATCHER_START_MS = 1_500;

const decoder = new TextDecoder();

/**
 * The team's knowledge folders and files, in layer order: each path of
 * `medterms.knowledge.paths` (absolute, or relative to the first workspace folder; a folder is
 * read as a knowledge folder, a file on its own), then each workspace folder's `.medterms/`.
 */
export function knowledgeRoots(): vscode.Uri[] {
  const folders = vscode.workspace.workspaceFolders ?? [];
  const paths = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<unknown>(Settings.knowledgePaths);
  const fromSettings = (Array.isArray(paths) ? paths : [])
    .filter((p): p is string => typeof p === 'string' && p.trim() !== '')
    .map((p) => (/^([a-z]:)?[\\/]/i.test(p) || !folders[0] ? vscode.Uri.file(p) : vscode.Uri.joinPath(folders[0].uri, p)));
  return [...fromSettings, ...folders.map((f) => vscode.Uri.joinPath(f.uri, WORKSPACE_KNOWLEDGE_FOLDER))];
}

/**
 * Reads the team's layers through `vscode.workspace.fs`, so that it works in the web host too.
 * A root that does not exist is skipped quietly (most workspaces have no `.medterms/`); a file
 * that cannot be read is left out. Files are read as data only, in a trusted workspace or not.
 */
export async function readTeamLayers(roots: readonly vscode.Uri[] = knowledgeRoots()): Promise<Layer[]> {
  const layers: Layer[] = [];
  for (const root of roots) layers.push(...knowledgeLayers(await readKnowledgeFiles(root)));
  return layers;
}

async function readKnowledgeFiles(root: vscode.Uri): Promise<KnowledgeFile[]> {
  let stat: vscode.FileStat;
  try {
    stat = await vscode.workspace.fs.stat(root);
  } catch {
    return [];
  }
  const read = async (uri: vscode.Uri, relative: string): Promise<KnowledgeFile[]> => {
    try {
      return [{ relative, file: uri.toString(), text: decoder.decode(await vscode.workspace.fs.readFile(uri)) }];
    } catch {
      return [];
    }
  };
  if (stat.type & vscode.FileType.File) return read(root, namedKnowledgeFile(root.path));
  const files: Promise<KnowledgeFile[]>[] = [];
  for (const folder of KNOWLEDGE_SUBFOLDERS) {
    let children: [string, vscode.FileType][] = [];
    try {
      children = await vscode.workspace.fs.readDirectory(vscode.Uri.joinPath(root, folder));
    } catch {
      continue;
    }
    for (const [name, type] of children) {
      const relative = `${folder}/${name}`;
      if (type & vscode.FileType.File && knowledgeFileRole(relative)) files.push(read(vscode.Uri.joinPath(root, folder, name), relative));
    }
  }
  return (await Promise.all(files)).flat();
}

/** Whether `uri` is a folder now; `false` when it is a file or does not exist. */
async function isFolder(uri: vscode.Uri): Promise<boolean> {
  try {
    return ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory) !== 0;
  } catch {
    return false;
  }
}

/**
 * Keeps the knowledge base in step with the team's layer files: a watcher per root (no polling)
 * rebuilds it a moment after a file is added, changed or deleted, and when
 * `medterms.knowledge.paths` changes; the problems of each layer file show as diagnostics on
 * that file, at their line and column.
 */
export class TeamKnowledge implements vscode.Disposable {
  readonly #problems = vscode.languages.createDiagnosticCollection('medterms-knowledge');
  #watchers: vscode.Disposable[] = [];
  #timer: ReturnType<typeof setTimeout> | undefined;
  readonly #subscriptions: vscode.Disposable[];

  constructor(private readonly session: Session) {
    this.#subscriptions = [
      session.onDidChangeKnowledge((kb) => {
        try {
          this.#show(kb);
        } catch (err) {
          session.log.error("showing the team layers' problems failed", err);
        }
        // The preview marks terms from the knowledge base: a rebuilt one re-renders it.
        void vscode.commands.executeCommand('markdown.preview.refresh');
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!e.affectsConfiguration(`${SETTINGS_SECTION}.${Settings.knowledgePaths}`)) return;
        void this.#watch();
        this.#schedule();
      }),
      // A workspace's own medterms.knowledge.paths applies once it is trusted (restrictedConfigurations in package.json).
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void this.#watch();
        this.#schedule();
      }),
      // Changes made in VS Code (a save, a file created, deleted or renamed in the explorer or by an
      // edit) also come as these events: the file watcher alone missed some in a remote host.
      vscode.workspace.onDidSaveTextDocument((doc) => this.#ifLayer([doc.uri])),
      vscode.workspace.onDidCreateFiles((e) => this.#ifLayer(e.files)),
      vscode.workspace.onDidDeleteFiles((e) => this.#ifLayer(e.files)),
      vscode.workspace.onDidRenameFiles((e) => this.#ifLayer(e.files.flatMap((f) => [f.oldUri, f.newUri]))),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        void this.#watch();
        this.#schedule();
      }),
    ];
    void this.#watch();
    void session.load().then((kb) => this.#show(kb));
  }

  /** The rebuild pending, if any: a test or a command waits for it (see the extension's API). */
  settled: Promise<unknown> = Promise.resolve();

  /** Bumped by each {@link #watch}, so that an older one still waiting for its stats gives way. */
  #generation = 0;
  #disposed = false;
  /** The read once more after a knowledge folder appeared (see {@link WATCHER_START_MS}). */
  #settling: ReturnType<typeof setTimeout> | undefined;

  /**
   * Watches every knowledge root with watchers of its own. A watcher whose base is a workspace
   * folder is served by VS Code's watcher of that folder, and in a remote host (code-server) that
   * one reported a folder made after it started (`.medterms/`) but no file written in it from
   * outside VS Code. So each root that exists is watched from itself, recursively, and every root
   * is also watched by name from its parent folder (not recursively): when it is made or removed,
   * the watchers are made again and the layers re-read, which picks up files written meanwhile
   * (and once more when the new watcher has had time to start).
   */
  async #watch(): Promise<void> {
    const generation = ++this.#generation;
    const roots = knowledgeRoots();
    const folders = await Promise.all(roots.map((root) => isFolder(root)));
    if (generation !== this.#generation || this.#disposed) return;
    for (const w of this.#watchers) w.dispose();
    const rewatch = () =>
      void this.#watch().then(() => {
        if (this.#disposed) return;
        this.#schedule();
        clearTimeout(this.#settling);
        this.#settling = setTimeout(() => this.#schedule(), WATCHER_START_MS);
      });
    this.#watchers = roots.flatMap((root, i) => {
      const name = root.path.slice(root.path.lastIndexOf('/') + 1);
      // A root that is a file (a settings path) is watched this way alone; a change to it is a change of its layer.
      const byName = this.#watcher(new vscode.RelativePattern(vscode.Uri.joinPath(root, '..'), name), rewatch, () => this.#schedule());
      return folders[i] ? [byName, this.#watcher(new vscode.RelativePattern(root, '**/*'), () => this.#schedule(), () => this.#schedule())] : [byName];
    });
  }

  /** A watcher that calls `madeOrRemoved` for a file or folder created or deleted, and `changed` for a change. */
  #watcher(pattern: vscode.RelativePattern, madeOrRemoved: () => void, changed: () => void): vscode.FileSystemWatcher {
    const watcher = vscode.workspace.createFileSystemWatcher(pattern);
    watcher.onDidCreate(madeOrRemoved);
    watcher.onDidDelete(madeOrRemoved);
    watcher.onDidChange(changed);
    return watcher;
  }

  /** Rebuilds when one of `uris` is, or is in, a knowledge root. */
  #ifLayer(uris: readonly vscode.Uri[]): void {
    const roots = knowledgeRoots().map((r) => r.toString());
    if (uris.some((u) => roots.some((root) => u.toString() === root || u.toString().startsWith(`${root}/`)))) this.#schedule();
  }

  #schedule(): void {
    clearTimeout(this.#timer);
    this.settled = new Promise<void>((resolve) => {
      this.#timer = setTimeout(() => {
        this.session.reload().then(
          () => resolve(),
          (err) => {
            this.session.log.error("rebuilding the knowledge base with the team's layers failed", err);
            resolve();
          },
        );
      }, KNOWLEDGE_DEBOUNCE_MS);
    });
  }

  /** Each layer file's problems as diagnostics on it; the bundled files' go to the log only. */
  #show(kb: KnowledgeBase): void {
    const byFile = new Map<string, vscode.Diagnostic[]>();
    const problems: readonly Problem[] = [...kb.problems, ...kb.snippets.problems];
    for (const p of problems) {
      if (!/^[a-z][a-z0-9+.-]*:/i.test(p.file)) continue; // not a URI: a bundled file
      const at = new vscode.Position(p.line - 1, (p.column ?? 1) - 1);
      const diagnostic = new vscode.Diagnostic(new vscode.Range(at, at.translate(0, 1)), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
      diagnostic.source = 'MedTerms';
      byFile.set(p.file, [...(byFile.get(p.file) ?? []), diagnostic]);
    }
    this.#problems.clear();
    for (const [file, diagnostics] of byFile) this.#problems.set(vscode.Uri.parse(file), diagnostics);
  }

  dispose(): void {
    this.#disposed = true;
    clearTimeout(this.#timer);
    clearTimeout(this.#settling);
    for (const d of [...this.#watchers, ...this.#subscriptions, this.#problems]) d.dispose();
  }
}

/** The layer file new terms go to, in the first workspace folder. */
export const TEAM_TERMS_FILE = `${WORKSPACE_KNOWLEDGE_FOLDER}/terms/team.json`;

/**
 * Adds an entry to the workspace's `.medterms/terms/team.json` (created if missing) through a
 * `WorkspaceEdit`, so it can be undone, then opens the file at the new entry. The watcher
 * rebuilds the knowledge base once the file is saved.
 */
export async function addToWorkspaceKnowledge(entry: LayerAddition): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) {
    void vscode.window.showWarningMessage('MedTerms: open a folder to keep workspace knowledge in its .medterms/ folder.');
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder.uri, TEAM_TERMS_FILE);
  let existing: string | undefined;
  try {
    existing = (await vscode.workspace.openTextDocument(uri)).getText();
  } catch {
    existing = undefined;
  }
  const { edits, entryOffset } = addToLayer(existing, entry);
  const edit = new vscode.WorkspaceEdit();
  if (existing === undefined) {
    edit.createFile(uri, { ignoreIfExists: true });
    edit.insert(uri, new vscode.Position(0, 0), edits.map((e) => e.content).join(''));
  } else {
    const doc = await vscode.workspace.openTextDocument(uri);
    for (const e of edits) edit.replace(uri, new vscode.Range(doc.positionAt(e.offset), doc.positionAt(e.offset + e.length)), e.content);
  }
  if (!(await vscode.workspace.applyEdit(edit))) return undefined;
  const doc = await vscode.workspace.openTextDocument(uri);
  await doc.save();
  const at = doc.positionAt(entryOffset);
  await vscode.window.showTextDocument(doc, { selection: new vscode.Range(at, at) });
  return uri;
}

/** `MedTerms: New Term…` and the code action's command: a prefilled entry for `term` (asked for when not given). */
export async function newTerm(term?: string): Promise<vscode.Uri | undefined> {
  const name = term ?? (await vscode.window.showInputBox({ title: 'MedTerms: New Term', prompt: 'The term, as written in patient text' }));
  if (!name?.trim()) return undefined;
  return addToWorkspaceKnowledge(newTermEntry(name, isoDate(new Date())));
}

/** `MedTerms: Suppress Term in This Workspace`: the term at the cursor, or one picked by look-up. */
export async function suppressTerm(session: Session): Promise<vscode.Uri | undefined> {
  const kb = await session.load();
  const editor = vscode.window.activeTextEditor;
  const hit = editor ? await session.termAt(editor.document, editor.selection.active) : undefined;
  let id = hit?.entryId;
  if (!id) {
    const query = await vscode.window.showInputBox({ title: 'MedTerms: Suppress Term in This Workspace', prompt: 'The term to stop recognising here' });
    id = query ? kb.resolve(query, true)?.id : undefined;
  }
  const entry = id ? kb.get(id) : undefined;
  if (!entry) return undefined;
  const answer = await vscode.window.showWarningMessage(`Stop recognising "${entry.name}" in this workspace?`, { modal: true }, 'Suppress');
  if (answer !== 'Suppress') return undefined;
  return addToWorkspaceKnowledge({ id: entry.id, suppress: true });
}

/** *Add "…" to workspace knowledge* on a selection or word in prose that no entry knows. */
export function addTermCodeActionProvider(session: Session): vscode.CodeActionProvider {
  return {
    async provideCodeActions(doc, range, context) {
      // On a word, only when asked for (Ctrl+., the context menu): offered wherever the cursor
      // rests, on every word MedTerms does not know, the light bulb would follow the writer
      // through every sentence. A selection is a request of its own.
      if (range.isEmpty && context.triggerKind !== vscode.CodeActionTriggerKind.Invoke) return [];
      const wordRange = range.isEmpty ? doc.getWordRangeAtPosition(range.start, /[\p{L}\p{N}][\p{L}\p{N}'’-]*/u) : range;
      if (!wordRange || wordRange.start.line !== wordRange.end.line) return [];
      const text = doc.getText(wordRange).trim();
      if (text.length < 2 || text.length > 80) return [];
      const kb = await session.load();
      if (!(await session.inProse(doc, doc.offsetAt(wordRange.start)))) return [];
      if ((await session.termAt(doc, wordRange.start)) || kb.resolve(text)) return [];
      const action = new vscode.CodeAction(`Add "${text}" to workspace knowledge`, vscode.CodeActionKind.Empty);
      action.command = { command: Commands.addToWorkspaceKnowledge, title: action.title, arguments: [text] };
      return [action];
    },
  };
}
