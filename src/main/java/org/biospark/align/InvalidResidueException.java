package org.biospark.align;

/** A sequence holds a character the scoring scheme cannot score. Names the residue and its 1-based position. */
public final class InvalidResidueException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final char residue;
    private final int position;

    public InvalidResidueException(char residue, int position, String matrix) {
        super("invalid residue '" + printable(residue) + "' at position " + position + " (not scored by " + matrix + ")");
        this.residue = residue;
        this.position = position;
    }

    /** The offending character. */
    public char residue() {
        return residue;
    }

    /** Its 1-based position in the sequence. */
    public int position() {
        return position;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c);
    }
}
