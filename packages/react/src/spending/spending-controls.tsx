/** Range and bucket radios and the money-in switch, wired by the hook's prop getters. */
import { SPENDING_BUCKET_SIZES, SPENDING_RANGES } from '@purse/core/spending';
import type { ReactNode } from 'react';
import type { SpendingViewKit } from './spending-kit.js';
import type { RadioProps } from './prop-getters.js';
import type { UseSpendingResult } from './use-spending.js';

function Segmented<T extends string | number>(props: {
  slot: string;
  label: string;
  groupProps: { id: string };
  options: readonly T[];
  optionProps: (value: T) => RadioProps;
  optionLabel: (value: T) => string;
}): ReactNode {
  return (
    <fieldset className="purse-Segmented" data-slot={props.slot} {...props.groupProps}>
      <legend className="purse-VisuallyHidden">{props.label}</legend>
      {props.options.map((option) => {
        const radio = props.optionProps(option);
        return (
          <label key={option} data-checked={radio.checked ? '' : undefined}>
            <input {...radio} />
            <span>{props.optionLabel(option)}</span>
          </label>
        );
      })}
    </fieldset>
  );
}

export function SpendingControls(props: {
  spending: UseSpendingResult;
  kit: SpendingViewKit;
}): ReactNode {
  const { spending, kit } = props;
  const { t } = kit;
  return (
    <div data-slot="controls">
      <Segmented
        slot="range"
        label={t.rangeLabel}
        groupProps={spending.getRangeGroupProps()}
        options={SPENDING_RANGES}
        optionProps={spending.getRangeOptionProps}
        optionLabel={t.rangeOption}
      />
      <Segmented
        slot="bucket"
        label={t.bucketLabel}
        groupProps={spending.getBucketGroupProps()}
        options={SPENDING_BUCKET_SIZES}
        optionProps={spending.getBucketOptionProps}
        optionLabel={(size) => t.bucketOption[size]}
      />
      <label className="purse-Switch" data-slot="inflow">
        <input {...spending.getInflowSwitchProps()} />
        <span data-slot="track" aria-hidden="true">
          <span data-slot="thumb" />
        </span>
        <span>{t.includeInflow}</span>
      </label>
    </div>
  );
}
