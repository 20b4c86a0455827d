'use client';

import { Button } from '@/app/_components/ui/Button';
import { createIcon } from '@/app/_components/ui/Icon';

const IconPrinter = createIcon('IconPrinter', <path d="M7 9V3.5h10V9M7 17.5H5a2 2 0 0 1-2-2V11a2 2 0 0 1 2-2h14a2 2 0 0 1 2 2v4.5a2 2 0 0 1-2 2h-2M7 14h10v6.5H7z" />);

/** One click to the browser's print dialogue, where "Save as PDF" is one of the printers. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button onClick={() => window.print()} iconStart={<IconPrinter size={18} />}>
      {label}
    </Button>
  );
}
