// The shared dialog (app/_components/ui/Dialog.tsx); kept as a path the rooms code already imports.
export * from '@/app/_components/ui/Dialog';
