package org.scfabric.sim;

/** Finds external tools (iverilog, yosys, vcd2fst) for the tests that need them. */
public final class ExternalTool
{
    private ExternalTool()
    {
    }

    public static boolean onPath(final String tool)
    {
        return ToolPath.onPath(tool);
    }

    /**
     * Skips the calling test when the tool is missing, except under CI ({@code CI=true}), where a
     * missing tool fails the test: CI installs every tool the tests need.
     */
    public static void require(final String tool, final String debianPackage)
    {
        if (onPath(tool))
        {
            return;
        }
        if ("true".equals(System.getenv("CI")))
        {
            throw new AssertionError(tool + " is not installed (Debian package " + debianPackage + "); CI needs it");
        }
        org.junit.jupiter.api.Assumptions.abort(tool + " not installed (apt-get install " + debianPackage + ")");
    }
}
