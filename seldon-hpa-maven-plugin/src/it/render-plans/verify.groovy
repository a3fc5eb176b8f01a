// one file per object, the library's bytes; lint of the rendered manifests has no error
def dir = new File(basedir, 'target/manifests')
def names = dir.list().sort()
assert names == ['configmap_seldon-monitoring_hpa-metrics-prometheus-adapter.yaml',
                 'horizontalpodautoscaler_seldon-mesh_irisa0-model-hpa.yaml',
                 'horizontalpodautoscaler_seldon-mesh_mlserver-server-hpa.yaml',
                 'model_seldon-mesh_irisa0.yaml']
assert new File(dir, 'model_seldon-mesh_irisa0.yaml').getText('UTF-8') == '''apiVersion: mlops.seldon.io/v1alpha1
kind: Model
metadata:
  name: irisa0
  namespace: seldon-mesh
spec:
  memory: 3M
  replicas: 1
  requirements:
  - sklearn
  storageUri: gs://seldon-models/testing/iris1
'''
def hpa = new File(dir, 'horizontalpodautoscaler_seldon-mesh_mlserver-server-hpa.yaml').getText('UTF-8')
assert hpa.contains('    kind: Server\n    name: mlserver\n')
assert hpa.contains('      policies:\n      - type: Pods\n        value: 5\n        periodSeconds: 90\n')
def lint = new File(basedir, 'target/seldon-hpa/lint.txt').getText('UTF-8')
assert lint.endsWith(' in 4 files\n')
assert !lint.contains(': ERROR ')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('seldon-hpa render: 4 objects in ')
assert log.contains('BUILD SUCCESS')
