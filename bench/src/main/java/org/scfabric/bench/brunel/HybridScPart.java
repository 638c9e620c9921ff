package org.scfabric.bench.brunel;

final class HybridScPart
{
    static final int SOBOL_PRE_DIMENSION = 1;
    static final int SOBOL_WEIGHT_DIMENSION = 2;
}
