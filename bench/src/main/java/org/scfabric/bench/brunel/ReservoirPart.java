package org.scfabric.bench.brunel;

final class ReservoirPart
{
    static final double W_REC_MAX = 0.2;
}
