package ma.opencommune.council;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reading and writing the budget's CSV files. Reading: UTF-8 with or without a byte-order mark, comma or semicolon (the
 * header line decides), RFC 4180 quotes, a header row naming the columns in any order; the size and the number of
 * lines are bounded before anything is parsed. Writing is {@link ma.opencommune.platform.CsvWriter}'s, as for every export.
 */
public final class BudgetCsv {

    /** Largest file accepted: a 20,000-line budget with long labels is well under it. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    /** Most data lines accepted in one file. */
    public static final int MAX_LINES = 20_000;
    /** Problems listed in full; beyond this they are counted. */
    static final int MAX_LISTED = 500;

    private static final Pattern AMOUNT = Pattern.compile("\\d{1,13}(\\.\\d{1,2})?");

    /** A parsed data line: its number in the file (the header is line 1) and its cells by column name. */
    record Row(int line, Map<String, String> cells) {

        String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    /** The data lines of a file whose header held every required column, or the problems that stop the reading. */
    record Table(List<Row> rows, List<BudgetProblem> problems) {
    }

    private BudgetCsv() {
    }

    /**
     * Reads a whole file. {@code required} columns must all be in the header, {@code optional} ones may be; any other
     * column is refused so that a misspelt optional column is not silently ignored.
     */
    static Table read(InputStream in, List<String> required, List<String> optional) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            return new Table(List.of(), List.of(BudgetProblem.of(0, "", "budget.import.error.too-large", MAX_BYTES / (1024 * 1024))));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new Table(List.of(), List.of(BudgetProblem.of(0, "", "budget.import.error.encoding")));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return new Table(List.of(), List.of(BudgetProblem.of(0, "", "budget.import.error.empty")));
        }
        int firstBreak = text.indexOf('\n');
        String headerLine = firstBreak < 0 ? text : text.substring(0, firstBreak);
        char separator = count(headerLine, ';') > count(headerLine, ',') ? ';' : ',';
        List<List<String>> records = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        if (!parse(text, separator, records, lineNumbers)) {
            return new Table(List.of(), List.of(BudgetProblem.of(0, "", "budget.import.error.too-many-lines", MAX_LINES)));
        }
        List<BudgetProblem> problems = new ArrayList<>();
        List<String> header = records.get(0).stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i);
            if (h.isEmpty()) {
                continue;
            }
            if (!required.contains(h) && !optional.contains(h)) {
                problems.add(BudgetProblem.of(1, h, "budget.import.error.column-unknown", h));
            } else if (index.putIfAbsent(h, i) != null) {
                problems.add(BudgetProblem.of(1, h, "budget.import.error.column-twice", h));
            }
        }
        for (String r : required) {
            if (!index.containsKey(r)) {
                problems.add(BudgetProblem.of(1, r, "budget.import.error.column-missing", r));
            }
        }
        if (!problems.isEmpty()) {
            return new Table(List.of(), problems);
        }
        List<Row> rows = new ArrayList<>(records.size());
        for (int r = 1; r < records.size(); r++) {
            List<String> cells = records.get(r);
            if (cells.stream().allMatch(String::isBlank)) {
                continue; // a trailing empty line, or one left blank by a spreadsheet
            }
            Map<String, String> byName = new HashMap<>();
            index.forEach((name, i) -> byName.put(name, i < cells.size() ? cells.get(i) : ""));
            rows.add(new Row(lineNumbers.get(r), byName));
        }
        if (rows.isEmpty()) {
            return new Table(List.of(), List.of(BudgetProblem.of(0, "", "budget.import.error.no-lines")));
        }
        return new Table(rows, List.of());
    }

    /** RFC 4180 records with the file line each starts on; false when there are more than {@link #MAX_LINES} data lines. */
    private static boolean parse(String text, char separator, List<List<String>> records, List<Integer> lineNumbers) {
        List<String> record = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (ch == '\n') {
                        line++;
                    }
                    cell.append(ch);
                }
            } else if (ch == '"' && cell.isEmpty()) {
                quoted = true;
            } else if (ch == separator) {
                record.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(cell.toString());
                cell.setLength(0);
                records.add(record);
                lineNumbers.add(recordLine);
                if (records.size() > MAX_LINES + 1) {
                    return false;
                }
                record = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || !record.isEmpty()) {
            record.add(cell.toString());
            records.add(record);
            lineNumbers.add(recordLine);
        }
        return records.size() <= MAX_LINES + 1;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }

    /**
     * An amount in dirhams as people type it: digits with at most two decimals after a point or a comma, spaces between
     * thousands allowed. Returns null and adds a problem when it is not one, or negative.
     */
    static BigDecimal amount(Row row, String column, boolean required, List<BudgetProblem> problems) {
        String value = row.get(column);
        String problem = amountProblem(value, required);
        if (problem != null) {
            problems.add(BudgetProblem.of(row.line(), column, problem, shown(value)));
            return null;
        }
        return parseAmount(value);
    }

    /** The message key of what is wrong with a typed amount (missing, negative, not a number), or null when it reads. */
    public static String amountProblem(String value, boolean required) {
        String raw = normalised(value);
        if (raw.isEmpty()) {
            return required ? "budget.import.error.amount-missing" : null;
        }
        if (raw.startsWith("-")) {
            return "budget.import.error.amount-negative";
        }
        return AMOUNT.matcher(raw).matches() ? null : "budget.import.error.amount-format";
    }

    /** An amount that passed {@link #amountProblem}; blank is zero. */
    public static BigDecimal parseAmount(String value) {
        String raw = normalised(value);
        return raw.isEmpty() ? BigDecimal.ZERO.setScale(2) : new BigDecimal(raw).setScale(2);
    }

    private static String normalised(String value) {
        String raw = value == null ? "" : value.strip().replace(" ", "").replace("\u00A0", "").replace("\u202F", "");
        return raw.indexOf(',') >= 0 && raw.indexOf('.') < 0 ? raw.replace(',', '.') : raw;
    }

    /** A cell as echoed back in an error: short enough for a list, whatever was in the file. */
    public static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 39) + "…";
    }
}
