package ma.opencommune.platform;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.ui.Model;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * Makes a form's error summary read like the form: errors in the order the fields are declared, and one
 * message per field (the first rule broken), as GOV.UK's error summary pattern asks.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /** Replaces the binding result of {@code name} in the model with an ordered, one-error-per-field copy. */
    public static void tidy(Model model, String name, BindingResult result) {
        Object target = result.getTarget();
        if (target == null || !result.hasErrors()) {
            return;
        }
        List<String> order = new ArrayList<>();
        for (Class<?> type = target.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                order.add(field.getName());
            }
        }
        BeanPropertyBindingResult tidy = new BeanPropertyBindingResult(target, name);
        result.getGlobalErrors().forEach(tidy::addError);
        Set<String> seen = new LinkedHashSet<>();
        result.getFieldErrors().stream()
                .sorted(Comparator.comparingInt((FieldError e) -> rank(order, e.getField())).thenComparing(FormErrors::priority))
                .filter(e -> seen.add(e.getField()))
                .forEach(tidy::addError);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + name, tidy);
    }

    private static int rank(List<String> order, String field) {
        int index = order.indexOf(field);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    /** "Required" comes before format or length rules of the same field. */
    private static int priority(FieldError error) {
        String code = error.getCode();
        return "NotBlank".equals(code) || "NotNull".equals(code) || "NotEmpty".equals(code) ? 0 : 1;
    }
}
