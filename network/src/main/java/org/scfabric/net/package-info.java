/**
 * The network model: one in-memory representation of a spiking network that every front end produces (NIR
 * files in {@link org.scfabric.net.nir}, the Brunel generator, Brian2 captures) and every back end consumes
 * (the float64 reference in {@link org.scfabric.net.ref}, fixed-point and SC arithmetic, the fabric).
 *
 * <p>A {@link org.scfabric.net.Network} holds {@link org.scfabric.net.Node}s (neuron populations with
 * per-neuron parameters, stateless operators, Input/Output ports; hierarchical names such as
 * {@code lif1.lif} for nodes of a flattened subgraph) and {@link org.scfabric.net.Edge}s in a fixed order.
 * Parameters are float64 {@link org.scfabric.net.Tensor}s keyed by their NIR names; what NIR cannot say
 * (a refractory period, a source's seed, a quantisation) goes in node metadata under {@code scfabric.*}.
 * Building a network checks it and fixes, once for all back ends, the shapes of every node and the
 * evaluation order (topological without back edges; back edges found by DFS from the Inputs in name order,
 * following the edge list, carry the previous step).
 */
package org.scfabric.net;
