"""Checks deploy/kubernetes/: the fields its README's recipe relies on.

- the workers are an Indexed Job (`completionMode: Indexed`) with parallelism = completions = N, and they run
  `loadgen --shards N`; the coordinator Job runs `loadgen coordinate --workers N` with the same N;
- the address the workers dial (`--coordinator HOST:PORT`) is the coordinator's Service: HOST is its name, PORT
  one of its ports, whose target port is the one `--listen` binds; the Service is headless and selects the
  coordinator's pod template;
- both sides give the same `--run-id` and read the scenario where the ConfigMap is mounted, and that ConfigMap
  holds a scenario that parses as JSON;
- every container requests CPU and memory.

`problems(documents)` returns one line per problem (empty when all hold); `load(directory)` reads the manifests.
"""
import json
import pathlib
import shlex


def load(directory):
    """Every YAML document of directory/*.yaml, in file order."""
    import yaml
    documents = []
    for path in sorted(pathlib.Path(directory).glob("*.yaml")):
        documents += [document for document in yaml.safe_load_all(path.read_text()) if document]
    return documents


def find(documents, kind, name):
    for document in documents:
        if document.get("kind") == kind and document.get("metadata", {}).get("name") == name:
            return document
    return None


def command_line(container):
    """The container's command and arguments as one list of words (a `sh -c` script split as the shell would)."""
    words = list(container.get("command", [])) + [str(word) for word in container.get("args", [])]
    if words[:2] == ["/bin/sh", "-c"] and len(words) == 3:
        return shlex.split(words[2].split(";")[0])
    return words


def flag(words, name):
    """The value after `name` in `words`, or None."""
    return words[words.index(name) + 1] if name in words and words.index(name) + 1 < len(words) else None


def problems(documents, worker_job="loadgen-workers", coordinator_job="loadgen-coordinator"):
    found = []
    workers = find(documents, "Job", worker_job)
    coordinator = find(documents, "Job", coordinator_job)
    if workers is None or coordinator is None:
        return [f"missing the Job {worker_job if workers is None else coordinator_job}"]
    spec = workers.get("spec", {})
    if spec.get("completionMode") != "Indexed":
        found.append(f"Job {worker_job}: completionMode must be Indexed (workers read JOB_COMPLETION_INDEX)")
    count = spec.get("completions")
    if spec.get("parallelism") != count:
        found.append(f"Job {worker_job}: parallelism {spec.get('parallelism')} must equal completions {count}"
                     " (every shard runs at once)")
    worker = spec.get("template", {}).get("spec", {}).get("containers", [{}])[0]
    boss = coordinator.get("spec", {}).get("template", {}).get("spec", {}).get("containers", [{}])[0]
    worker_words, boss_words = command_line(worker), command_line(boss)
    if flag(worker_words, "--shards") != str(count):
        found.append(f"Job {worker_job}: runs --shards {flag(worker_words, '--shards')}, completions is {count}")
    if boss_words[:2] != ["loadgen", "coordinate"] or flag(boss_words, "--workers") != str(count):
        found.append(f"Job {coordinator_job}: must run loadgen coordinate --workers {count}, runs {boss_words[:4]}")
    if flag(worker_words, "--run-id") != flag(boss_words, "--run-id"):
        found.append("the workers' --run-id and the coordinator's differ")
    address = flag(worker_words, "--coordinator") or ""
    host, _, port = address.rpartition(":")
    service = find(documents, "Service", host.split(".")[0])
    if service is None:
        found.append(f"Job {worker_job}: --coordinator {address} names no Service of these manifests")
    else:
        service_spec = service.get("spec", {})
        ports = [entry for entry in service_spec.get("ports", []) if str(entry.get("port")) == port]
        listen = (flag(boss_words, "--listen") or "").rpartition(":")[2]
        if not ports:
            found.append(f"Service {host}: has no port {port}, which the workers dial")
        elif str(ports[0].get("targetPort", ports[0].get("port"))) != listen:
            found.append(f"Service {host}: port {port} targets {ports[0].get('targetPort')}, the coordinator"
                         f" listens on {listen}")
        if service_spec.get("clusterIP") != "None":
            found.append(f"Service {host}: must be headless (clusterIP: None)")
        labels = coordinator.get("spec", {}).get("template", {}).get("metadata", {}).get("labels", {})
        selector = service_spec.get("selector", {})
        if not selector or any(labels.get(key) != value for key, value in selector.items()):
            found.append(f"Service {host}: its selector {selector} does not select the coordinator's pods")
    for job, container, words in [(worker_job, worker, worker_words), (coordinator_job, boss, boss_words)]:
        requests = container.get("resources", {}).get("requests", {})
        if "cpu" not in requests or "memory" not in requests:
            found.append(f"Job {job}: container {container.get('name')} must request cpu and memory")
        found += scenario_problems(documents, find(documents, "Job", job), container, flag(words, "--scenario"))
    return found


def scenario_problems(documents, job, container, path):
    """The scenario file `path` must be a key of a ConfigMap mounted in `container`, and parse as JSON."""
    if path is None:
        return [f"Job {job['metadata']['name']}: no --scenario"]
    volumes = {volume["name"]: volume for volume in job["spec"]["template"]["spec"].get("volumes", [])}
    for mount in container.get("volumeMounts", []):
        directory = mount["mountPath"].rstrip("/") + "/"
        config = volumes.get(mount["name"], {}).get("configMap")
        if config and path.startswith(directory):
            config_map = find(documents, "ConfigMap", config["name"])
            text = (config_map or {}).get("data", {}).get(path[len(directory):])
            if text is None:
                return [f"Job {job['metadata']['name']}: {path} is not in ConfigMap {config['name']}"]
            try:
                json.loads(text)
            except ValueError as error:
                return [f"ConfigMap {config['name']}: {path[len(directory):]} is not JSON: {error}"]
            return []
    return [f"Job {job['metadata']['name']}: {path} is on no mounted ConfigMap"]
