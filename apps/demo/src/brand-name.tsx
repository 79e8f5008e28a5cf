import type { ReactNode } from 'react';

/**
 * The wallet's name with the host product's name set apart from the rest ("Fieldwork Wallet",
 * "Portefeuille Fieldwork"): the word order is the translation's, never glued from two words.
 */
export function BrandName({ name, product }: { name: string; product: string }): ReactNode {
  const at = name.indexOf(product);
  if (at < 0) return <span>{name}</span>;
  const before = name.slice(0, at);
  const after = name.slice(at + product.length);
  return (
    <span>
      {before ? <span className="demo-Brand-sub">{before}</span> : null}
      {product}
      {after ? <span className="demo-Brand-sub">{after}</span> : null}
    </span>
  );
}
