package ma.opencommune.information;

/** A full answer, or a partial one (part of the information withheld on an ATI-7 ground, or not held). */
public enum AnswerKind {
    FULL, PARTIAL
}
