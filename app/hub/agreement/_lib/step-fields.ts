import type { AgreementStep } from '@/server/hub/agreement';

/**
 * How each step's answers are asked for and printed. The server's schemas (server/hub/agreement.ts)
 * are the judge of what is valid; this only says which control and label each answer gets.
 * `label` names a key in `agreement.fields` when it differs from the field's name.
 */
export type OptionSet = 'workplace' | 'payer' | 'frequency' | 'services' | 'languages' | 'weekdays';

export type StepField =
  | { name: string; kind: 'text' | 'date' | 'time' | 'number' | 'textarea'; required?: boolean; hint?: boolean; label?: string; max?: number }
  | { name: string; kind: 'select'; options: OptionSet; required?: boolean; hint?: boolean; label?: string }
  | { name: string; kind: 'checkbox'; label?: string }
  | { name: string; kind: 'checkboxes'; options: OptionSet; required?: boolean; label?: string };

export const OPTION_VALUES: Record<OptionSet, readonly string[]> = {
  workplace: ['home', 'office_hotel', 'coworking', 'mixed'],
  payer: ['employer', 'employee', 'shared'],
  frequency: ['weekly', 'monthly', 'quarterly', 'twice_yearly', 'yearly'],
  services: ['broadband', 'office_hotel', 'coworking', 'digital_studio', 'school', 'kindergarten', 'health_care'],
  languages: ['nb', 'en'],
  weekdays: ['1', '2', '3', '4', '5', '6', '7'],
};

export const STEP_FIELDS: Record<AgreementStep, StepField[]> = {
  parties: [
    { name: 'employeeName', kind: 'text', required: true, max: 120 },
    { name: 'employerName', kind: 'text', required: true, max: 160 },
    { name: 'jobTitle', kind: 'text', max: 120 },
    { name: 'language', kind: 'select', options: 'languages', required: true, hint: true },
    { name: 'title', kind: 'text', hint: true, max: 120 },
  ],
  place: [
    { name: 'workplace', kind: 'select', options: 'workplace', required: true },
    { name: 'municipality', kind: 'text', required: true, max: 120 },
    { name: 'address', kind: 'text', max: 200 },
    { name: 'startDate', kind: 'date', required: true },
    { name: 'schedule', kind: 'textarea', hint: true },
  ],
  equipment: [
    { name: 'employerProvides', kind: 'textarea', required: true, hint: true },
    { name: 'broadbandPaidBy', kind: 'select', options: 'payer', required: true },
    { name: 'minimumSpeedMbps', kind: 'number' },
    { name: 'backup', kind: 'textarea', hint: true },
    { name: 'itSupport', kind: 'text', max: 2000 },
  ],
  meetings: [
    { name: 'frequency', kind: 'select', options: 'frequency', required: true },
    { name: 'place', kind: 'text', label: 'meetingPlace', max: 200 },
    { name: 'travelPaidBy', kind: 'select', options: 'payer', required: true },
    { name: 'travelIsWorkTime', kind: 'checkbox' },
    { name: 'notes', kind: 'textarea' },
  ],
  information: [
    { name: 'routines', kind: 'textarea', required: true, hint: true },
    { name: 'socialGatherings', kind: 'textarea', required: true, hint: true },
    { name: 'contactPerson', kind: 'text', max: 160 },
  ],
  availability: [
    { name: 'weekdays', kind: 'checkboxes', options: 'weekdays', required: true },
    { name: 'from', kind: 'time', required: true },
    { name: 'to', kind: 'time', required: true },
    { name: 'responseTime', kind: 'text', hint: true, max: 200 },
  ],
  municipality: [
    { name: 'hostMunicipality', kind: 'text', required: true, max: 120 },
    { name: 'services', kind: 'checkboxes', options: 'services' },
    { name: 'contact', kind: 'text', max: 200 },
    { name: 'notes', kind: 'textarea', label: 'municipalityNotes' },
  ],
  trial: [
    { name: 'trialMonths', kind: 'number', required: true },
    { name: 'reviewDate', kind: 'date', required: true },
    { name: 'ending', kind: 'textarea', hint: true },
  ],
};

