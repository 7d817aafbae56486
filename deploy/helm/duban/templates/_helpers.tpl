{{- define "duban.name" -}}
{{- .Chart.Name -}}
{{- end -}}

{{- define "duban.fullname" -}}
{{- if contains .Chart.Name .Release.Name -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-%s" .Release.Name .Chart.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "duban.labels" -}}
app.kubernetes.io/name: {{ include "duban.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (api, worker, migrate, temporal-setup). */}}
{{- define "duban.selector" -}}
app.kubernetes.io/name: {{ include "duban.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "duban.image" -}}
{{- printf "%s:%s" .Values.image.repository (default .Chart.AppVersion .Values.image.tag) -}}
{{- end -}}

{{- define "duban.secret" -}}
{{- required "existingSecret: name the Secret holding DATABASE_URL, AUTH_SECRET and SMTP_URL (values.yaml)" .Values.existingSecret -}}
{{- end -}}

{{/* The settings every container of the chart reads, as items of its `env` list. */}}
{{- define "duban.env" -}}
{{- range $name, $value := .Values.config }}
- name: {{ $name }}
  value: {{ $value | toString | quote }}
{{- end }}
{{- end -}}

{{/* Where the Temporal client's TLS files are mounted. */}}
{{- define "duban.temporalTlsDir" -}}/etc/duban/temporal-tls{{- end -}}

{{/* The TLS files the Secret holds, by the key in it and the file name mounted (cert and key both, or neither). */}}
{{- define "duban.temporalTlsFiles" -}}
{{- $tls := .Values.temporal.tls -}}
{{- if $tls.existingSecret -}}
{{- if ne (empty $tls.certKey) (empty $tls.keyKey) -}}
{{- fail "temporal.tls: a client certificate needs its key: set both certKey and keyKey, or neither" -}}
{{- end -}}
{{- if and (empty $tls.certKey) (empty $tls.caKey) -}}
{{- fail "temporal.tls.existingSecret: name certKey and keyKey (mTLS), caKey (a private CA), or both" -}}
{{- end -}}
{{- if $tls.certKey }}
- { key: {{ $tls.certKey | quote }}, path: client.pem, env: TEMPORAL_TLS_CERT_PATH }
- { key: {{ $tls.keyKey | quote }}, path: client.key, env: TEMPORAL_TLS_KEY_PATH }
{{- end }}
{{- if $tls.caKey }}
- { key: {{ $tls.caKey | quote }}, path: ca.pem, env: TEMPORAL_TLS_CA_PATH }
{{- end }}
{{- end -}}
{{- end -}}

{{/* The Temporal client's TLS settings, as items of a container's `env` list. */}}
{{- define "duban.temporalTlsEnv" -}}
{{- range (include "duban.temporalTlsFiles" . | fromYamlArray) }}
- name: {{ .env }}
  value: {{ printf "%s/%s" (include "duban.temporalTlsDir" $) .path | quote }}
{{- end }}
{{- with .Values.temporal.tls.serverName }}
- name: TEMPORAL_TLS_SERVER_NAME
  value: {{ . | quote }}
{{- end }}
{{- end -}}

{{/* The mount of the TLS files, as an item of a container's `volumeMounts`. */}}
{{- define "duban.temporalTlsMount" -}}
{{- if .Values.temporal.tls.existingSecret }}
- { name: temporal-tls, mountPath: {{ include "duban.temporalTlsDir" . }}, readOnly: true }
{{- end }}
{{- end -}}

{{/* The Secret's TLS files as a volume, an item of the pod's `volumes`. */}}
{{- define "duban.temporalTlsVolume" -}}
{{- if .Values.temporal.tls.existingSecret }}
- name: temporal-tls
  secret:
    secretName: {{ .Values.temporal.tls.existingSecret }}
    defaultMode: 0440
    items:
      {{- range (include "duban.temporalTlsFiles" . | fromYamlArray) }}
      - { key: {{ .key | quote }}, path: {{ .path }} }
      {{- end }}
{{- end }}
{{- end -}}

{{/* The Secret's keys, as the container's `envFrom`. */}}
{{- define "duban.envFrom" -}}
envFrom:
  - secretRef:
      name: {{ include "duban.secret" . }}
{{- end -}}

{{/* Pod-level settings shared by the Deployments and the hook Jobs. */}}
{{- define "duban.podSpec" -}}
{{- with .Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .Values.podSecurityContext | nindent 2 }}
{{- with .Values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .Values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* A container's image and hardening; /tmp is the only writable place. */}}
{{- define "duban.container" -}}
image: {{ include "duban.image" . }}
imagePullPolicy: {{ .Values.image.pullPolicy }}
securityContext:
  {{- toYaml .Values.securityContext | nindent 2 }}
{{- end -}}

{{/* A hook Job: `duban <args>` before the API and the worker on install and upgrade; `temporal`: it connects to Temporal. */}}
{{- define "duban.hookJob" -}}
apiVersion: batch/v1
kind: Job
metadata:
  name: {{ include "duban.fullname" .root }}-{{ .component }}
  labels:
    {{- include "duban.labels" .root | nindent 4 }}
    app.kubernetes.io/component: {{ .component }}
  annotations:
    helm.sh/hook: pre-install,pre-upgrade
    helm.sh/hook-weight: {{ .weight | quote }}
    helm.sh/hook-delete-policy: before-hook-creation,hook-succeeded
spec:
  backoffLimit: {{ .root.Values.hooks.backoffLimit }}
  activeDeadlineSeconds: {{ .root.Values.hooks.activeDeadlineSeconds }}
  template:
    metadata:
      labels:
        {{- include "duban.selector" (dict "root" .root "component" .component) | nindent 8 }}
    spec:
      restartPolicy: Never
      {{- include "duban.podSpec" .root | nindent 6 }}
      containers:
        - name: {{ .component }}
          {{- include "duban.container" .root | nindent 10 }}
          command: {{ .command | toJson }}
          env:
            {{- include "duban.env" .root | nindent 12 }}
            {{- if .temporal }}
            {{- with include "duban.temporalTlsEnv" .root | trim }}{{ . | nindent 12 }}{{ end }}
            {{- end }}
          {{- include "duban.envFrom" .root | nindent 10 }}
          volumeMounts:
            - { name: tmp, mountPath: /tmp }
            {{- if .temporal }}
            {{- with include "duban.temporalTlsMount" .root | trim }}{{ . | nindent 12 }}{{ end }}
            {{- end }}
      volumes:
        - { name: tmp, emptyDir: {} }
        {{- if .temporal }}
        {{- with include "duban.temporalTlsVolume" .root | trim }}{{ . | nindent 8 }}{{ end }}
        {{- end }}
{{- end -}}
