// the build passed (warnings only) and wrote the three reports, paths relative to the project
def dir = new File(basedir, 'target/seldon-hpa')
def text = new File(dir, 'lint.txt').getText('UTF-8')
assert text.startsWith('deploy/single-model-serving-hpas.yaml:6:1: WARNING SHPA022 ')
assert text.endsWith('0 errors, 1 warning, 0 infos in 3 files\n')
def sarif = new groovy.json.JsonSlurper().parse(new File(dir, 'lint.sarif'))
assert sarif.version == '2.1.0'
def result = sarif.runs[0].results[0]
assert result.ruleId == 'SHPA022'
assert result.level == 'warning'
assert result.locations[0].physicalLocation.artifactLocation.uri == 'deploy/single-model-serving-hpas.yaml'
assert result.locations[0].physicalLocation.region.startLine == 6
def json = new groovy.json.JsonSlurper().parse(new File(dir, 'lint.json'))
assert json.summary.warnings == 1 && json.summary.files == 3
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('seldon-hpa lint: 0 errors, 1 warning, 0 infos in 3 files')
assert log.contains('BUILD SUCCESS')
