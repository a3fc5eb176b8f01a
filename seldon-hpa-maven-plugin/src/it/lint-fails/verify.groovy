// the build failed on the error, after writing the reports
def text = new File(basedir, 'target/seldon-hpa/lint.txt').getText('UTF-8')
assert text.startsWith('deploy/value-target-hpa.yaml:24:9: ERROR SHPA003 HorizontalPodAutoscaler seldon-mesh/irisa0-model-hpa ')
assert text.endsWith('1 error, 0 warnings, 0 infos in 1 file\n')
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[ERROR] deploy/value-target-hpa.yaml:24:9: SHPA003 ')
assert log.contains('seldon-hpa lint: 1 error, 0 warnings, 0 infos in 1 file (failOn error)')
assert log.contains('BUILD FAILURE')
