package com.example;

import static io.github.seldonhpa.SeldonHpa.averageValue;
import static io.github.seldonhpa.SeldonHpa.objectMetric;
import static io.github.seldonhpa.SeldonHpa.scalingPlan;

import io.github.seldonhpa.ScalingPlan;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** One plan per model of a team, as platform tooling builds them. */
public class Plans implements Supplier<List<ScalingPlan>> {
  @Override
  public List<ScalingPlan> get() {
    List<ScalingPlan> plans = new ArrayList<>();
    for (String name : List.of("fraud", "churn")) {
      plans.add(scalingPlan(name).namespace("team-a").serverName(name)
          .addMetric(objectMetric("infer_rps", averageValue(10))).replicas(2, 8).build());
    }
    return plans;
  }
}
