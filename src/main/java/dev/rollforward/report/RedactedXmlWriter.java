package dev.rollforward.report;

import dev.rollforward.secrets.Redactor;
import java.io.StringWriter;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * An XML document written as text, each element on a line of its own, indented two spaces a level.
 * Every attribute and text passes the run's redactor and the XML writer's escaping, and what XML 1.0
 * cannot carry (control characters, lone surrogates) is replaced.
 */
final class RedactedXmlWriter {

    private final StringWriter out = new StringWriter(4096);
    private final XMLStreamWriter x;
    private final Redactor redactor;

    RedactedXmlWriter(Redactor redactor) throws XMLStreamException {
        this.redactor = redactor;
        this.x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        x.writeStartDocument("UTF-8", "1.0");
    }

    /** Opens an element on a new line at {@code depth}. */
    void start(int depth, String name) throws XMLStreamException {
        newLine(depth);
        x.writeStartElement(name);
    }

    /** An element with attributes only, on a new line at {@code depth}. */
    void empty(int depth, String name) throws XMLStreamException {
        newLine(depth);
        x.writeEmptyElement(name);
    }

    /** Closes the open element on a new line at {@code depth}. */
    void end(int depth) throws XMLStreamException {
        newLine(depth);
        x.writeEndElement();
    }

    /** Closes the open element right after its text. */
    void end() throws XMLStreamException {
        x.writeEndElement();
    }

    void attr(String name, String value) throws XMLStreamException {
        x.writeAttribute(name, clean(value));
    }

    void attr(String name, int value) throws XMLStreamException {
        x.writeAttribute(name, Integer.toString(value));
    }

    void text(String value) throws XMLStreamException {
        x.writeCharacters(clean(value));
    }

    /** The document, ending with a newline; the root element must have been closed. */
    String finish() throws XMLStreamException {
        x.writeEndDocument();
        x.close();
        return out + "\n";
    }

    private void newLine(int depth) throws XMLStreamException {
        x.writeCharacters("\n" + "  ".repeat(depth));
    }

    private String clean(String value) {
        return xmlSafe(redactor.redact(value));
    }

    /** Replaces what XML 1.0 cannot carry (control characters, lone surrogates) with U+FFFD. */
    private static String xmlSafe(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok;
            if (Character.isHighSurrogate(c)) {
                ok = i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
                if (ok) {
                    if (sb != null) {
                        sb.append(c).append(s.charAt(i + 1));
                    }
                    i++;
                    continue;
                }
            } else if (Character.isLowSurrogate(c)) {
                ok = false;
            } else {
                ok = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c != 0xFFFE && c != 0xFFFF;
            }
            if (!ok && sb == null) {
                sb = new StringBuilder(s.length()).append(s, 0, i);
            }
            if (sb != null) {
                sb.append(ok ? c : '\uFFFD');
            }
        }
        return sb == null ? s : sb.toString();
    }
}
