package dev.lbctl.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.net.InetAddress;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
        "192.168.100.240, 192.168.100.240",
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "fc00::1, fc00::1",
        "FC00:0:0:0:0:0:0:1, fc00::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "::, ::",
        "::1.2.3.4, ::102:304",
        "::ffff:1.2.3.4, ::ffff:1.2.3.4",
        "1:0:0:0:0:0:0:0, 1::",
        "1:2:3:4:5:6:7:0, 1:2:3:4:5:6:7:0",
    })
    void parsesAndPrintsLikeGo(String text, String printed) {
        assertThat(IpAddress.parse(text)).map(IpAddress::toString).contains(printed);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.04", "1..2.3", " 1.2.3.4",
        "1.2.3.4 ", "fc00::1::2", "fc00:::1", "1:2:3:4:5:6:7:8:9", "12345::", "fe80::1%eth0", "g::1", ":1", "1:",
        "1:2:3:4:5:6:7:8::", "::1.2.3", "1.2.3.4::", "+1.2.3.4", "1.2.3.-4"})
    void rejectsWhatGoRejects(String text) {
        assertThat(IpAddress.parse(text)).isEmpty();
    }

    @Property(tries = 2000)
    void ipv6PrintsAndParsesBack(@ForAll @BigRange(min = "0", max = "340282366920938463463374607431768211455") BigInteger v) {
        IpAddress ip = IpAddress.of(IpFamily.IPV6, v);
        assertThat(IpAddress.parse(ip.toString())).contains(ip);
    }

    @Property(tries = 500)
    void ipv6AgreesWithTheJdkOnTheValue(@ForAll @BigRange(min = "0", max = "340282366920938463463374607431768211455") BigInteger v)
            throws Exception {
        IpAddress ip = IpAddress.of(IpFamily.IPV6, v);
        byte[] jdk = InetAddress.getByName("[" + ip + "]").getAddress();
        BigInteger jdkValue = new BigInteger(1, jdk);
        // The JDK folds ::ffff:a.b.c.d into an IPv4 address; compare only the true IPv6 cases.
        if (jdk.length == 16) {
            assertThat(jdkValue).isEqualTo(v);
        }
    }

    @Property(tries = 2000)
    void ipv4PrintsAndParsesBack(@ForAll @BigRange(min = "0", max = "4294967295") BigInteger v) {
        IpAddress ip = IpAddress.of(IpFamily.IPV4, v);
        assertThat(IpAddress.parse(ip.toString())).contains(ip);
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0, true", "10.0.0.255, true", "10.0.1.1, false", "fc00::ff, false"})
    void buggyFirmwareAddressesAreIpv4EndingIn0Or255(String text, boolean buggy) {
        assertThat(IpAddress.parse(text).orElseThrow().confusesBuggyFirmware()).isEqualTo(buggy);
    }
}
