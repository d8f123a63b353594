import { useState } from 'react';
import { Input } from 'antd';
import type { FigureKind } from '../../shared/figures/normalise.ts';
import { storedFigure } from '../grid/cellEntry.ts';

interface FigureInputProps {
  readonly field: string;
  readonly kind: FigureKind;
  readonly value: string | null;
  readonly suffix?: string;
  readonly status?: 'error' | 'warning';
  readonly onChange: (value: string | null) => void;
}

/**
 * A figure outside the tables: shows what the user types while focused (so “35.” is not
 * cut to “35” mid-typing) and stores the normalised figure as they type.
 */
export function FigureInput({ field, kind, value, suffix, status, onChange }: FigureInputProps) {
  const [typing, setTyping] = useState<string | undefined>(undefined);
  return (
    <Input
      data-field={field}
      value={typing ?? value ?? ''}
      suffix={suffix}
      status={status}
      inputMode={kind === 'count' ? 'numeric' : 'decimal'}
      autoComplete="off"
      onChange={(e) => {
        setTyping(e.target.value);
        onChange(storedFigure(e.target.value, kind));
      }}
      onBlur={() => setTyping(undefined)}
    />
  );
}
