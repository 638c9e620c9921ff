package org.scfabric.bench.brunel;

/** The part of each variant (spec/brunel.md §4). */
final class Parts
{
    private Parts()
    {
    }

    static Part of(final Variant v, final BrunelNetwork net)
    {
        return switch (v)
        {
            case V1 -> new SoftPart(v, net, (n, r, pop) -> new ObjectLifPopulation(n, r, pop));
            case V3, V11 -> new FixedPointPart(v, net);
            case V6 -> csr(v, net, CsrLifPopulation.Flavor.HOMEOSTATIC);
            case V7 -> csr(v, net, CsrLifPopulation.Flavor.NOISE);
            case V8 -> csr(v, net, CsrLifPopulation.Flavor.REFRACTORY);
            case V9 -> csr(v, net, CsrLifPopulation.Flavor.POST_KICK);
            case V10 -> csr(v, net, CsrLifPopulation.Flavor.EXACT_LEAK);
            case V18 -> csr(v, net, CsrLifPopulation.Flavor.PLAIN);
            case V20 -> new SoftPart(v, net, (n, r, pop) -> new VectorLifPopulation(n, r, pop));
            default -> throw new UnsupportedOperationException(v + " is not built yet");
        };
    }

    private static Part csr(final Variant v, final BrunelNetwork net, final CsrLifPopulation.Flavor f)
    {
        return new SoftPart(v, net, (n, r, pop) -> new CsrLifPopulation(n, f, r, pop));
    }

    /** A software variant: one population component, updated at cycle 1 of each step. */
    static final class SoftPart extends Part
    {
        interface Factory
        {
            Population create(BrunelNetwork net, SpikeRaster raster, int population);
        }

        static final String INSTANCE = "pop";

        private final Factory factory;
        private Population pop;

        SoftPart(final Variant variant, final BrunelNetwork net, final Factory factory)
        {
            super(variant, net);
            this.factory = factory;
        }

        @Override
        int clocksPerStep()
        {
            return 2;
        }

        @Override
        void build(final DesignContext ctx)
        {
            pop = factory.create(net, raster, ctx.population());
            DesignContext.connect(ctx.add(INSTANCE, pop, 1), "ext[%d]", DesignContext.driveNet(), pop.driveInputs);
        }

        @Override
        void close()
        {
            if (pop instanceof AutoCloseable c)
            {
                try
                {
                    c.close();
                }
                catch (final Exception e)
                {
                    throw new IllegalStateException(e);
                }
            }
        }
    }
}
