export { Button, type ButtonProps } from './Button';
export { Field, type FieldProps } from './Field';
export { ErrorSummary, type SummaryError } from './ErrorSummary';
export { Table, type Column } from './Table';
export { Tag, type TagTone } from './Tag';
export { Panel } from './Panel';
