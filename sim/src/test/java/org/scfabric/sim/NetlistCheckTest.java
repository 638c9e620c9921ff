package org.scfabric.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.scfabric.sim.parts.Counter;
import org.scfabric.sim.parts.DFlipFlop;
import org.scfabric.sim.parts.Gate;

class NetlistCheckTest
{
    private static String error(final Runnable r)
    {
        return assertThrows(NetlistException.class, r::run).getMessage();
    }

    @Test
    void anUnconnectedInputIsReportedByPortName()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.add("core0.inv[3]", new Gate(Gate.Op.NOT, 1)).connect("y", "o");
        assertEquals("undriven input: core0.inv[3].a is not connected", error(b::build));
    }

    @Test
    void anInputReadingANetNothingDrivesIsReported()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.add("g", new Gate(Gate.Op.NOT, 1)).connect("a", "nowhere").connect("y", "o");
        assertEquals("undriven input: g.a reads net 'nowhere', which nothing drives", error(b::build));
    }

    @Test
    void twoDriversOnANetAreReported()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.input("x", 1);
        b.add("g1", new Gate(Gate.Op.NOT, 1)).connect("a", "x").connect("y", "o");
        b.add("g2", new Gate(Gate.Op.BUF, 1)).connect("a", "x").connect("y", "o");
        assertEquals("net 'o' has two drivers: g1.y and g2.y", error(b::build));
    }

    @Test
    void drivingAPrimaryInputIsTwoDrivers()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.input("x", 1);
        b.add("g1", new Gate(Gate.Op.NOT, 1)).connect("a", "x").connect("y", "x");
        assertEquals("net 'x' has two drivers: primary input and g1.y", error(b::build));
    }

    @Test
    void aWidthMismatchNamesNetPortAndBothWidths()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.input("x", 8);
        b.add("g", new Gate(Gate.Op.NOT, 16)).connect("a", "x").connect("y", "o");
        assertEquals("width mismatch: net 'x' is 8 bits, port g.a is 16 bits", error(b::build));
    }

    @Test
    void anUnknownPortListsTheKnownOnes()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final NetlistBuilder.Instance g = b.add("g", new Gate(Gate.Op.AND, 1));
        assertEquals("instance 'g' has no port 'c' (ports: a, b, y)", error(() -> g.connect("c", "x")));
    }

    @Test
    void aClockedInstanceWithoutAClockIsReported()
    {
        final NetlistBuilder b = new NetlistBuilder();
        b.input("en", 1);
        b.add("cnt", new Counter(4)).connect("en", "en");
        assertEquals("instance 'cnt' is clocked but has no clock (call .clock(...))", error(b::build));
    }

    @Test
    void widthsOutsideOneToSixtyFourAreRejected()
    {
        final NetlistBuilder b = new NetlistBuilder();
        assertTrue(error(() -> b.input("x", 65)).contains("width must be 1..64 bits, was 65"));
        assertTrue(error(() -> b.input("y", 0)).contains("width must be 1..64 bits, was 0"));
    }

    @Test
    void dotAndJsonNameEveryInstanceAndNet()
    {
        final NetlistBuilder b = new NetlistBuilder();
        final Clock clk = b.clock("clk", 10, 0);
        b.input("x", 4);
        b.add("inv", new Gate(Gate.Op.NOT, 4)).connect("a", "x").connect("y", "nx");
        b.add("reg", new DFlipFlop(4, 0)).clock(clk).connect("d", "nx").connect("q", "q");
        final Design d = b.build();
        final String dot = d.toDot();
        assertTrue(dot.startsWith("digraph design {"), dot);
        assertTrue(dot.contains("\"inst:inv\" -> \"inst:reg\" [label=\"nx [4] -> d\"]"), dot);
        assertTrue(dot.contains("\"in:x\" -> \"inst:inv\""), dot);
        final String json = d.toJson();
        assertTrue(json.contains("{\"id\": 2, \"name\": \"q\", \"width\": 4, \"kind\": \"register\", \"driver\": \"reg\", "
            + "\"clock\": \"clk\", \"reset\": 0}"), json);
        assertTrue(json.contains("{\"name\": \"d\", \"dir\": \"in\", \"width\": 4, \"net\": \"nx\"}"), json);
    }
}
