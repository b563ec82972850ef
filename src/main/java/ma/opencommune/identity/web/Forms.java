package ma.opencommune.identity.web;

import ma.opencommune.identity.FieldProblem;
import org.springframework.validation.BindingResult;

/** Form helpers shared by the identity pages. */
final class Forms {

    static final String NAME_CHARACTERS = "^[^<>\\p{Cntrl}]*$";
    /** Printable ASCII addresses only: an address typed in another script is refused with a clear message. */
    static final String EMAIL = "^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$";

    private Forms() {
    }

    static void reject(BindingResult result, FieldProblem problem) {
        result.rejectValue(problem.field(), problem.messageKey());
    }
}
