import type { ReactNode } from 'react';
import { useTheme } from '@mui/material';
import { Rectangle, type BarShapeProps } from 'recharts';
import { useHref } from 'react-router';
import { toneColor } from '../workflows/workflowStates';

/**
 * Turns an app path (`/applications?filter=…`) into the href the router serves it at (`#/applications?…`
 * under the hash router), once per chart: bar shapes are plain functions and cannot call hooks.
 */
export function useAppHref(): (path: string) => string {
  const root = useHref('/');
  return (path) => `${root.replace(/\/$/, '')}${path}`;
}

/**
 * A bar shape that is a link: each bar is an SVG `<a>` to the rows it counts (`hrefOf(entry)`), with a
 * title for the tooltip and keyboard focus. Entries without an href (null) are drawn plain.
 */
export function linkedBar<T>(hrefOf: (entry: T) => string | null, titleOf: (entry: T) => string, testId: string) {
  return function LinkedBarShape(props: BarShapeProps): ReactNode {
    const entry = props.payload as T;
    const href = hrefOf(entry);
    const rect = <Rectangle {...props} radius={2} />;
    if (!href || props.height === 0 || props.width === 0) return rect;
    return (
      <a href={href} data-testid={testId} aria-label={titleOf(entry)}>
        <title>{titleOf(entry)}</title>
        {rect}
      </a>
    );
  };
}

/** The colour a state's tone is drawn in (the chip colour of TONE_COLORS, as the theme paints it). */
export function useToneFill(): (tone: string | undefined) => string {
  const theme = useTheme();
  return (tone) => {
    const color = toneColor(tone);
    return color === 'default' ? theme.palette.grey[500] : theme.palette[color].main;
  };
}

/** A count in Japanese digits grouping (1,234). */
export const count = (n: number) => n.toLocaleString('ja-JP');
