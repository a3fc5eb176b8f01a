/**
 * The Kubernetes HPA controller's arithmetic and a Seldon Model/Server scaling simulator: per-metric
 * replica proposals ({@link io.github.seldonhpa.scaling.ReplicaCalculator}), one HPA with its in-memory
 * state ({@link io.github.seldonhpa.scaling.HpaController}), a replay of an RPS trace through a Model HPA,
 * its Server HPA and Seldon's all-or-nothing scheduler ({@link io.github.seldonhpa.scaling.Simulation}),
 * sizing helpers ({@link io.github.seldonhpa.scaling.Sizing}) and an SVG chart of the result; many pairs and
 * multi-model servers on a finite cluster with faults ({@link io.github.seldonhpa.scaling.Fleet}), where a
 * Model/Server pair can rest apart ({@link io.github.seldonhpa.scaling.PairDivergence}), and a search for the
 * settings ({@link io.github.seldonhpa.scaling.Planner}).
 */
@HpaStyle
package io.github.seldonhpa.scaling;

import io.github.seldonhpa.internal.HpaStyle;
