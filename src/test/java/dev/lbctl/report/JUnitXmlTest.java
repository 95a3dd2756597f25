package dev.lbctl.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class JUnitXmlTest {

    @Test
    void oneTestcasePerCheckWithFailuresAndEscaping() throws Exception {
        String xml = JUnitXml.write("lbctl verify", List.of(
                new JUnitXml.Case("pods are ready", Duration.ofMillis(1500), null, null),
                new JUnitXml.Case("HTTP <GET> & \"page\"", Duration.ofMillis(250), "failed", "answered 502 \u0001<html>")));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        var suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("time")).isEqualTo("1.750");
        var cases = doc.getElementsByTagName("testcase");
        assertThat(cases.getLength()).isEqualTo(2);
        assertThat(cases.item(1).getAttributes().getNamedItem("name").getNodeValue()).isEqualTo("HTTP <GET> & \"page\"");
        var failure = doc.getElementsByTagName("failure");
        assertThat(failure.getLength()).isEqualTo(1);
        assertThat(failure.item(0).getTextContent()).isEqualTo("answered 502 <html>");
    }
}
