/**
 * Forms that keep the user's work. Every form of the window is a PageForm (on a page, including
 * the settings and the cards of a record page) or a FormModal (in a dialog), and they behave alike:
 *
 * - Leaving with unsaved changes asks first (放弃未保存的内容？ 放弃 / 继续编辑). On a page: by the
 *   navigation, a Back or 取消 button, the browser's back and Esc, which all go through the router,
 *   held back by LeaveGuard while a form is dirty. In a dialog: by Esc, the close button and a click
 *   outside; its 取消 button discards without asking (the user said so).
 * - Focus starts in the first field, or in the one marked `data-autofocus` (a person's 姓名).
 * - Ctrl+S saves the form (the browser's "save page" is held back); Ctrl+Enter does the same, and
 *   in a dialog it is the confirm button.
 *
 * A form is saved when its write succeeds: useWrite then takes its values as the new clean state,
 * so the page may move on without asking.
 */
import { Modal, type ModalProps } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
  type FormEventHandler,
  type ReactNode,
  type RefObject,
} from 'react';
import { useBlocker, type BlockerFunction } from 'react-router';
import { confirmDelete } from './ConfirmDelete';

/** Asks whether to drop what was typed; true to leave. One question at a time, however often asked. */
let asking: Promise<boolean> | null = null;
export function confirmDiscard(): Promise<boolean> {
  asking ??= confirmDelete('放弃未保存的内容？', '填写的内容还没有保存，离开后将不再保留。', '放弃', '继续编辑').finally(() => {
    asking = null;
  });
  return asking;
}

interface Registered {
  form: RefObject<HTMLFormElement | null>;
  dirty: () => boolean;
  /** Where Esc goes on a page: what its 取消 or Back does. */
  leave?: () => void;
  dialog: boolean;
}

const FormsContext = createContext<Set<Registered> | null>(null);

/** A dialog of the window (a FormModal, a confirmation) is open. */
const modalOpen = () => document.querySelector('[aria-modal="true"]') !== null;

/**
 * Something that takes Esc for itself is open: a select's options, a date's calendar. Esc closes it
 * and leaves nothing.
 */
function overlayTakesEscape(target: EventTarget | null): boolean {
  if (target instanceof Element && target.closest('[data-mantine-stop-propagation="true"]')) return true;
  // Select lists stay in the page while closed (display: none): only a shown one counts.
  const open = document.querySelectorAll('.mantine-Popover-dropdown, .mantine-Combobox-dropdown, [data-dates-dropdown]');
  return [...open].some((el) => el.getClientRects().length > 0);
}

/** The form a key press is for: the one holding the focus, or the page's only form. */
function formFor(forms: Set<Registered>): Registered | undefined {
  const active = document.activeElement;
  const all = [...forms];
  const holding = all.filter((f) => f.form.current?.contains(active)).at(-1);
  if (holding) return holding;
  if (modalOpen()) return undefined;
  const pages = all.filter((f) => !f.dialog && f.form.current);
  return pages.length === 1 ? pages[0] : undefined;
}

/** Submits as its submit button would, unless that button is busy or disabled. */
function save(form: HTMLFormElement | null): void {
  if (!form) return;
  const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (button?.disabled || button?.hasAttribute('data-loading')) return;
  form.requestSubmit(button ?? undefined);
}

/** Holds the window's forms and answers the keys they share (Ctrl+S, Ctrl+Enter, Esc on a page). */
export function FormsProvider({ children }: { children: ReactNode }) {
  const [forms] = useState(() => new Set<Registered>());
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const command = e.ctrlKey || e.metaKey;
      if (command && (e.key === 's' || e.key === 'S' || e.key === 'Enter') && !e.altKey) {
        const target = formFor(forms);
        if (!target && e.key === 'Enter') return;
        e.preventDefault();
        save(target?.form.current ?? null);
      }
    };
    // Before the select or calendar that Esc would close: while one is open, Esc is theirs.
    const onEscape = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.isComposing || modalOpen() || overlayTakesEscape(e.target)) return;
      const pages = [...forms].filter((f) => !f.dialog && f.leave);
      const target = pages.find((f) => f.form.current?.contains(document.activeElement)) ?? (pages.length === 1 ? pages[0] : undefined);
      target?.leave?.();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('keydown', onEscape, { capture: true });
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('keydown', onEscape, { capture: true });
    };
  }, [forms]);
  return <FormsContext.Provider value={forms}>{children}</FormsContext.Provider>;
}

/** Lists a form while it is shown (and `active`), so that keys and the guard find it. */
function useRegistered(entry: Omit<Registered, 'form'>, active: boolean): RefObject<HTMLFormElement | null> {
  const forms = useContext(FormsContext);
  const form = useRef<HTMLFormElement>(null);
  const latest = useRef(entry);
  latest.current = entry;
  const { dialog } = entry;
  useEffect(() => {
    if (!forms || !active) return;
    const registered: Registered = {
      form,
      dialog,
      dirty: () => latest.current.dirty(),
      get leave() {
        return latest.current.leave;
      },
    };
    forms.add(registered);
    return () => {
      forms.delete(registered);
    };
  }, [forms, active, dialog]);
  return form;
}

/** Asks before leaving while `dirty()` holds, for an editor that is not a form (the holiday table's draft). */
export function useLeaveGuard(dirty: () => boolean): void {
  useRegistered({ dirty, dialog: false }, true);
}

/** Whether to go on to other forms on the same page (a settings tab): asks when a form shown has changes. */
export function useConfirmLeave(): () => Promise<boolean> {
  const forms = useContext(FormsContext);
  return useCallback(async () => ![...(forms ?? [])].some((f) => f.dirty()) || (await confirmDiscard()), [forms]);
}

/**
 * Holds back the router while a form is dirty and asks; 放弃 goes on, 继续编辑 stays with what was
 * typed. Rendered once inside the (data) router.
 */
export function LeaveGuard() {
  const forms = useContext(FormsContext);
  const blocker = useBlocker(
    useCallback<BlockerFunction>(
      ({ currentLocation, nextLocation }) =>
        currentLocation.pathname !== nextLocation.pathname && [...(forms ?? [])].some((f) => f.dirty()),
      [forms],
    ),
  );
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    void confirmDiscard().then((leave) => (leave ? blocker.proceed() : blocker.reset()));
  }, [blocker]);
  return null;
}

const FIELDS = 'input:not([type="hidden"]):not([disabled]), textarea:not([disabled]), select:not([disabled])';

/** The field focus starts in: the one marked `data-autofocus`, else the first shown (a group's chosen option). */
function firstField(form: HTMLFormElement): HTMLElement | null {
  const marked = form.querySelector<HTMLElement>('[data-autofocus]');
  if (marked) return marked;
  for (const el of form.querySelectorAll<HTMLElement>(FIELDS)) {
    if (el instanceof HTMLInputElement && el.type === 'radio' && !el.checked) continue;
    if (el.getClientRects().length > 0) return el;
  }
  return null;
}

/**
 * Marks the first field for the focus the form gives (a dialog's focus trap focuses it, a page's form
 * focuses it itself). DateField keeps its calendar closed for a focus so given.
 */
function markFirstField(form: HTMLFormElement | null): HTMLElement | null {
  const field = form ? firstField(form) : null;
  field?.setAttribute('data-autofocus', '');
  return field;
}

interface FormProps<V> {
  form: UseFormReturnType<V>;
  onSubmit: FormEventHandler<HTMLFormElement>;
  children: ReactNode;
}

/**
 * A form on a page. `onLeave` is where its 取消 (and Esc) goes, through the guard; without it (the
 * settings, a card on a record page) Esc leaves nothing. `autoFocus={false}` for a form that is not
 * what the page is for (a card beside a record), so that opening the page does not jump into it.
 */
export function PageForm<V>({
  form,
  onSubmit,
  onLeave,
  autoFocus = true,
  children,
  'data-testid': testId,
}: FormProps<V> & { onLeave?: () => void; autoFocus?: boolean; 'data-testid'?: string }) {
  const ref = useRegistered({ dirty: () => form.isDirty(), leave: onLeave, dialog: false }, true);
  useEffect(() => {
    if (autoFocus) markFirstField(ref.current)?.focus({ preventScroll: true });
  }, [autoFocus, ref]);
  return (
    <form ref={ref} onSubmit={onSubmit} data-testid={testId}>
      {children}
    </form>
  );
}

/**
 * A form in a dialog: closing it by Esc, the close button or a click outside asks first when it has
 * changes. `onClose` closes it at once (its 取消 button, a successful save).
 */
export function FormModal<V>({
  form,
  onSubmit,
  onClose,
  opened = true,
  children,
  ...modal
}: FormProps<V> & { onClose: () => void; opened?: boolean } & Omit<ModalProps, 'opened' | 'onClose' | 'children' | 'onSubmit'>) {
  const ref = useRegistered({ dirty: () => form.isDirty(), dialog: true }, opened);
  const closing = useRef(false);
  const requestClose = () => {
    if (closing.current) return;
    if (!form.isDirty()) return onClose();
    closing.current = true;
    void confirmDiscard()
      .then((leave) => leave && onClose())
      .finally(() => {
        closing.current = false;
      });
  };
  // The dialog's content mounts after the dialog (in a portal): mark its first field as it appears.
  const attach = useCallback(
    (node: HTMLFormElement | null) => {
      ref.current = node;
      markFirstField(node);
    },
    [ref],
  );
  return (
    <Modal opened={opened} onClose={requestClose} {...modal}>
      <form ref={attach} onSubmit={onSubmit}>
        {children}
      </form>
    </Modal>
  );
}
