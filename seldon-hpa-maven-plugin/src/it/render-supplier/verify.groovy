// the supplier's two plans, two HPAs each (no storageUri: no Model CR)
def dir = new File(basedir, 'target/manifests')
assert dir.list().sort() == ['horizontalpodautoscaler_team-a_churn-model-hpa.yaml',
                             'horizontalpodautoscaler_team-a_churn-server-hpa.yaml',
                             'horizontalpodautoscaler_team-a_fraud-model-hpa.yaml',
                             'horizontalpodautoscaler_team-a_fraud-server-hpa.yaml']
def hpa = new File(dir, 'horizontalpodautoscaler_team-a_fraud-server-hpa.yaml').getText('UTF-8')
assert hpa.startsWith('apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: fraud-server-hpa\n  namespace: team-a\n')
assert hpa.contains('  minReplicas: 2\n  maxReplicas: 8\n')
assert hpa.contains('        name: fraud\n      target:\n        type: AverageValue\n        averageValue: 10\n')
assert new File(basedir, 'build.log').getText('UTF-8').contains('BUILD SUCCESS')
