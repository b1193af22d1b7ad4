import { Textarea, type TextareaProps } from '@mantine/core'

/** The entries of a list typed one per line (spaces and commas separate them too), without blanks. */
export function entriesOf(text: string): string[] {
  return text.split(/[\s,]+/).filter((entry) => entry !== '')
}

/** The lines of a text, trimmed, without blanks: entries that may hold spaces (tags). */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
}

/** A list as the text that edits it: one entry per line. */
export function textOf(entries: readonly string[] | undefined): string {
  return (entries ?? []).join('\n')
}

/** A list of short entries (permissions, addresses, tags), edited as text, one per line. */
export function ListTextarea(props: TextareaProps) {
  return <Textarea autosize minRows={2} maxRows={8} spellCheck={false} autoCapitalize="off" autoComplete="off" data-monospace {...props} />
}
