// Text read from a file, printed for the operator: control characters are taken out (ANSI/OSC escape
// sequences above all, a carriage return that overwrites the line, bidirectional overrides), so that
// a hostile file cannot recolour, hide or rewrite what the terminal shows, retitle it or forge links.
// Line breaks and tabs stay.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export const forTerminal = (text: string): string => text.replace(CONTROL, '');
