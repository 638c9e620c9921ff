package org.scfabric.bench.brunel;

/** The part of each variant (docs/spec/brunel.md §4). */
final class Parts
{
    private Parts()
    {
    }

    static Part of(final Variant v, final BrunelNetwork net)
    {
        return switch (v)
        {
            case V1 -> new SoftPart(v, net, ObjectLifPopulation::new);
            case V5 -> new IzhikevichPart(net);
            case V12 -> new SoftPart(v, net, StdpPopulation::new);
            case V15 -> new SoftPart(v, net,
                (n, d, r, pop) -> new Float32Population(n, Float32Population.Form.JAX, 1, d, r, pop));
            case V16 -> new SoftPart(v, net, Math.min(BrunelTranslator.LAYER_UNITS, net.size()),
                (n, d, r, pop) -> new ReservoirPopulation(n, Math.min(BrunelTranslator.LAYER_UNITS, n.size()), d, r, pop));
            case V19 -> new SoftPart(v, net, (n, d, r, pop) -> new Float32Population(n, Float32Population.Form.TORCH,
                Float32Population.threadsFor(n.size()), d, r, pop));
            case V3, V11 -> new FixedPointPart(v, net);
            case V2, V17 -> new ScLayerPart(v, net);
            case V4, V14 -> new HybridScPart(v, net);
            case V13 -> new DotProductPart(net);
            case V6 -> csr(v, net, CsrLifPopulation.Flavor.HOMEOSTATIC);
            case V7 -> csr(v, net, CsrLifPopulation.Flavor.NOISE);
            case V8 -> csr(v, net, CsrLifPopulation.Flavor.REFRACTORY);
            case V9 -> csr(v, net, CsrLifPopulation.Flavor.POST_KICK);
            case V10 -> csr(v, net, CsrLifPopulation.Flavor.EXACT_LEAK);
            case V18 -> csr(v, net, CsrLifPopulation.Flavor.PLAIN);
            case V20 -> new SoftPart(v, net, VectorLifPopulation::new);
        };
    }

    /** V5: its own step of 0.25 ms and its own drive (λ per 0.25 ms). */
    static final class IzhikevichPart extends SoftPart
    {
        IzhikevichPart(final BrunelNetwork net)
        {
            super(Variant.V5, net, IzhikevichPopulation::new);
        }

        @Override
        int steps()
        {
            return BrunelTranslator.izhikevichSteps(net.params());
        }

        @Override
        double driveLambda()
        {
            return BrunelTranslator.izhikevichLambda(net.params());
        }

        /** A 0.25 ms step k is reported as the network step (of dt) holding its start. */
        @Override
        int reportStep(final int step)
        {
            return (int)Math.floor(step * BrunelTranslator.IZH_DT / net.params().dt() + 1e-9);
        }
    }

    private static Part csr(final Variant v, final BrunelNetwork net, final CsrLifPopulation.Flavor f)
    {
        return new SoftPart(v, net, (n, d, r, pop) -> new CsrLifPopulation(n, f, d, r, pop));
    }

    /** A software variant: one population component, updated at cycle 1 of each step. */
    static class SoftPart extends Part
    {
        interface Factory
        {
            Population<?> create(BrunelNetwork net, RegisterRef drive, SpikeRaster raster, int population);
        }

        static final String INSTANCE = "pop";

        private final Factory factory;
        private final int size;
        private Population<?> pop;

        SoftPart(final Variant variant, final BrunelNetwork net, final Factory factory)
        {
            this(variant, net, net.size(), factory);
        }

        /** A population of {@code size} neurons (or units) reading drive registers 0..size−1. */
        SoftPart(final Variant variant, final BrunelNetwork net, final int size, final Factory factory)
        {
            super(variant, net);
            this.factory = factory;
            this.size = size;
        }

        @Override
        int driveInputs()
        {
            return size;
        }

        @Override
        int neurons()
        {
            return size;
        }

        @Override
        java.util.Map<String, Double> extras()
        {
            return pop == null ? java.util.Map.of() : pop.extras();
        }

        @Override
        int clocksPerStep()
        {
            return 2;
        }

        @Override
        void build(final DesignContext ctx)
        {
            pop = factory.create(net, ctx.drive(driveInputs()), raster, ctx.population());
            ctx.add(INSTANCE, pop, 1);
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
