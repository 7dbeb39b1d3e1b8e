/** The HL7 v2 delimiters the builder writes (v2.5.1 §2.5.4: MSH-1 and MSH-2 defaults) and the segment terminator. */
export const FIELD_SEPARATOR = '|';
export const ENCODING_CHARACTERS = '^~\\&';
export const SEGMENT_SEPARATOR = '\r';
